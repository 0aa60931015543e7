-module(fmt_p_w).
-export([main/0]).

%% ~p ~P ~w ~W on many terms, including depth limits.

main() ->
    Terms = [atom, 'Atom', 42, -1.5, "string", "with\nnewline", [1, 2, 3], [97, 98, 1], [],
             {a, {b, {c, {d, {e}}}}}, <<"bin">>, <<1, 2, 200>>, <<1:3>>, #{k => "v", 1 => [2]},
             [a | b], {}, [[], [[]]], "tab\there", [$a, 256], <<"é"/utf8>>, 'quo\'te', "\e[0m", [7, 8, 9, 10, 11, 12, 13]],
    [io:format("~p | ~w~n", [T, T]) || T <- Terms],
    Deep = {lists:seq(1, 20), #{a => [1, 2, 3], b => {x, y, z}}, <<"long binary data here">>, "a string"},
    [io:format("P~w: ~P~n", [D, Deep, D]) || D <- [1, 2, 3, 5, 10]],
    [io:format("W~w: ~W~n", [D, Deep, D]) || D <- [1, 2, 3, 5, 10]],
    io:format("~P~n", [lists:seq(1, 100), 8]),
    io:format("~W~n", ["abcdefghij", 4]),
    io:format("~P~n", [<<"abcdefghijklmnop">>, 3]),
    io:format("~P~n", [#{1 => 2, 3 => 4, 5 => 6}, 2]),
    ok.
