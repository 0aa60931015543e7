-module(lists_keyfind_eq).
-export([main/0]).
%% keyfind/keysearch/keymember compare keys with ==, also inside tuples
%% and lists (found by OTP's lists_SUITE).
main() ->
    L = [{x, 42.0}, {y, -77}, {z, [a, b, c], {5.0}}, {[1.0, {2}], w}],
    io:format("~p~n", [[lists:keyfind(K, N, L) || {K, N} <- [{42, 2}, {42.0, 2}, {-77.0, 2}, {{5}, 3},
                                                              {[1, {2.0}], 1}, {z, 1}, {q, 1}]]]),
    io:format("~p~n", [[lists:keysearch(K, 2, L) || K <- [42, -77.0, nope]]]),
    io:format("~p~n", [[lists:keymember(K, 3, L) || K <- [{5}, {5.0}, 5]]]),
    io:format("~p~n", [[lists:member(X, [1, {2}]) || X <- [1.0, {2.0}, 1]]]).
