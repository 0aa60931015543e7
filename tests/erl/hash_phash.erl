-module(hash_phash).
-export([main/0]).

%% The legacy erlang:phash/2 over many term kinds and ranges.

main() ->
    Terms = [0, 1, -1, 1 bsl 40, 1 bsl 70, -(1 bsl 70), 1.5, -0.0, a, 'Atom', [], [1, 2], "str", {}, {1, 2},
             <<>>, <<"bin">>, <<1:5>>, #{}, #{a => b}, [{x, <<"y">>, 3.0}], fun erlang:abs/1],
    [io:format("~w ~w ~w ~w~n", [T, erlang:phash(T, 1), erlang:phash(T, 1000), erlang:phash(T, 1 bsl 32)]) || T <- Terms],
    io:format("~w~n", [lists:sum([erlang:phash(I, 1 bsl 32) rem 10007 || I <- lists:seq(1, 1000)])]),
    io:format("~w~n", [t(fun() -> erlang:phash(a, 0) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
