-module(lists_flatten_zip).
-export([main/0]).

%% flatten, flatlength, zip/zip3/unzip/unzip3/zipwith/zipwith3, append, concat.

main() ->
    Deep = [1, [2, [3, [4, []]]], [], [[[5]]], "ab", [[$c | "d"]]],
    io:format("~p~n", [lists:flatten(Deep)]),
    io:format("~p~n", [lists:flatten(Deep, [tail])]),
    io:format("~p~n", [lists:flatlength(Deep)]),
    io:format("~p~n", [lists:zip([1, 2, 3], [a, b, c])]),
    io:format("~p~n", [lists:unzip([{1, a}, {2, b}])]),
    io:format("~p~n", [lists:zip3([1, 2], [a, b], [x, y])]),
    io:format("~p~n", [lists:unzip3([{1, a, x}, {2, b, y}])]),
    io:format("~p~n", [lists:zipwith(fun(A, B) -> A * B end, [1, 2, 3], [4, 5, 6])]),
    io:format("~p~n", [lists:zipwith3(fun(A, B, C) -> A + B + C end, [1, 2], [3, 4], [5, 6])]),
    io:format("~p~n", [t(fun() -> lists:zip([1, 2], [a]) end)]),
    io:format("~p~n", [lists:append([[1], [2, 3], [], [4]])]),
    io:format("~p~n", [lists:append("ab", "cd")]),
    io:format("~p~n", [lists:concat([a, "b", 1, 2.5, 'c d'])]),
    io:format("~p~n", [lists:flatten([])]),
    io:format("~p~n", [lists:flatten([[], [[]], [[[]]]])]),
    io:format("~p~n", [lists:flatten([a, {b, [c]}, [d]])]),
    io:format("~p~n", [t(fun() -> lists:flatten(a) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
