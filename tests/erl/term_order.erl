-module(term_order).
-export([main/0]).

%% number < atom < reference < fun < port < pid < tuple < map < nil < list < bitstring

main() ->
    Terms = [<<1, 2>>, [a], [], #{a => 1}, {1, 2}, {}, {a}, 'zzz', a, '', 1, 1.5, -1 bsl 70,
             1 bsl 70, <<>>, <<1:3>>, "abc", [1 | 2], #{}, {1, 1}, #{b => 1}, #{a => 2},
             2.0, 'A', [[]], <<0>>, <<1>>, <<1, 0>>, <<1:1>>, {a, b, c}, {z}, [a, b], [a | b]],
    Sorted = lists:sort(Terms),
    [io:format("~w~n", [T]) || T <- Sorted],
    io:format("~w~n", [lists:sort([#{1 => a}, #{1.0 => a}, #{a => 1, b => 2}, #{c => 1},
                                   #{1 => b}, #{2 => a}, #{a => 1}])]),
    io:format("~w~n", [lists:sort([{1, 2.0}, {1, 2}, {1.0, 2}, {0, 5}])]),
    io:format("~w~n", [lists:sort([[1, 2], [1], [1 | 2], [1, 2 | 3], [0, 9]])]),
    io:format("~w~n", [lists:sort(["b", "ab", "a", "", "abc"])]),
    io:format("~w~n", [lists:sort([<<1:7>>, <<1:8>>, <<0:8>>, <<0:1>>, <<2:2>>, <<>>])]),
    F = fun(X) -> X end,
    io:format("~w ~w ~w~n", [1 < a, a < F, F < {}]),
    io:format("~w ~w~n", [{} < #{}, #{} < []]),
    io:format("~w ~w~n", [[] < [a], [zz] < <<>>]),
    io:format("~w~n", [#{a => 1, b => 1} > #{c => 1}]),
    io:format("~w~n", [#{1 => a} < #{1.0 => a}]),
    io:format("~w~n", [lists:sort([#{1 => x, 2.0 => y}, #{1.0 => x, 2 => y}])]),
    ok.
