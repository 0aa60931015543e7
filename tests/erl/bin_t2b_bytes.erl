-module(bin_t2b_bytes).
-export([main/0]).

%% Exact term_to_binary bytes for small terms of every kind.

main() ->
    Terms = [0, 1, 255, 256, -1, 1 bsl 27, 1 bsl 31, -(1 bsl 31), (1 bsl 31) - 1, 1 bsl 32, 1 bsl 59, 1 bsl 64,
             -(1 bsl 64), 1 bsl 2040, 0.0, 1.5, -2.25e-10, a, '', 'ä', true, [], [1], [1, 2, 3], "abc", [a | b],
             [256, 1], {}, {a}, {a, b, c}, <<>>, <<1, 2, 3>>, <<1:3>>, <<1, 2:7>>, #{}, #{a => 1}, #{b => 2, a => 1},
             #{1 => [], 1.0 => {}}, {[], <<>>, #{}}, fun lists:map/2, fun erlang:abs/1,
             lists:seq(1, 300)],
    [io:format("~w~n  ~w~n", [T, term_to_binary(T)]) || T <- lists:sublist(Terms, length(Terms) - 2)],
    io:format("~w~n", [term_to_binary(lists:seq(1, 20))]),
    io:format("~w~n", [byte_size(term_to_binary(lists:seq(1, 300)))]),
    io:format("~w~n", [term_to_binary(1 bsl 2040) =:= term_to_binary(id(1) bsl 2040)]),
    io:format("~w~n", [term_to_binary(list_to_tuple(lists:seq(1, 256)))]),
    ok.

id(X) -> X.
