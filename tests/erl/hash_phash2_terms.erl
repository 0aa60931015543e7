-module(hash_phash2_terms).
-export([main/0]).

%% erlang:phash2 on atoms, lists, strings, tuples, binaries (incl. odd bit sizes), nested terms.

main() ->
    Terms = [a, b, '', 'hello world', true, false, 'é', list_to_atom([955]),
             [], [a], [1, 2, 3], "hello", "", [a | b], [[]], [1 | 2], lists:seq(1, 100), "a longer string with spaces",
             {}, {a}, {a, b}, {1, {2, {3, {4}}}}, list_to_tuple(lists:seq(1, 50)),
             <<>>, <<0>>, <<1, 2, 3>>, <<"hello">>, <<1:1>>, <<1:7>>, <<255, 1:3>>, <<0:9>>,
             binary:copy(<<"abc">>, 1000), [<<"a">>, "b", {c, [d]}], {<<"x">>, 1.5, [-1, 1 bsl 70]},
             fun erlang:abs/1, fun lists:map/2],
    [io:format("~w ~w~n", [erlang:phash2(T), erlang:phash2(T, 65536)]) || T <- Terms],
    <<_:3, Sub/bits>> = <<"unaligned binary">>,
    io:format("~w ~w~n", [erlang:phash2(Sub), erlang:phash2(<<Sub/bits>>) =:= erlang:phash2(Sub)]),
    io:format("~w~n", [erlang:phash2("hello") =:= erlang:phash2([$h, $e, $l, $l, $o])]),
    io:format("~w~n", [erlang:phash2(<<"hello">>) =:= erlang:phash2("hello")]),
    io:format("~w~n", [lists:sum([erlang:phash2({I, integer_to_list(I)}) rem 1000 || I <- lists:seq(1, 1000)])]),
    ok.
