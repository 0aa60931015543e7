-module(bin_t2b_roundtrip).
-export([main/0]).

%% binary_to_term(term_to_binary(T)) =:= T for many terms; printing sizes and hashes.

main() ->
    Terms = [0, -1, 1 bsl 59, -(1 bsl 59), 1 bsl 63, -(1 bsl 63) - 1, 1 bsl 64, 1 bsl 1000, -(1 bsl 1000),
             3.14, -0.0, 1.0e300, abc, 'Quoted Atom', list_to_atom(lists:duplicate(255, $x)),
             "", "hello", [1, [2, [3]]], [a | b], lists:seq(1, 1000), {}, {{}}, list_to_tuple(lists:seq(1, 300)),
             <<>>, <<0:7>>, list_to_binary(lists:seq(0, 255)), binary:copy(<<"x">>, 100000),
             #{}, #{a => #{b => #{c => d}}}, maps:from_list([{I, I * I} || I <- lists:seq(1, 100)]),
             maps:from_list([{integer_to_list(I), I} || I <- lists:seq(1, 40)]),
             fun lists:reverse/1, [{a, 1.5, <<"x">>, [], #{k => [v]}}]],
    [begin
         B = term_to_binary(T),
         io:format("~w ~w ~w~n", [binary_to_term(B) =:= T, byte_size(B), erlang:crc32(B)])
     end || T <- Terms],
    [begin
         B = term_to_binary(T, [{minor_version, 0}]),
         io:format("v0 ~w ~w ~w~n", [binary_to_term(B) =:= T, byte_size(B), erlang:crc32(B)])
     end || T <- Terms],
    ok.
