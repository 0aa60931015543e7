-module(map_order_small).
-export([main/0]).

%% Key order of small (flat, <= 32 keys) maps in printing, keys/1, to_list/1 and fold.

main() ->
    Keys = [z, 1, a, "s", {t}, <<"b">>, 2.5, [], -1, 1 bsl 70, 'A', [x], #{}, {}, 0.0, 3],
    M = maps:from_list([{K, n} || K <- Keys]),
    io:format("~p~n", [M]),
    io:format("~w~n", [M]),
    io:format("~p~n", [maps:keys(M)]),
    io:format("~p~n", [maps:to_list(M)]),
    io:format("~p~n", [maps:fold(fun(K, _, A) -> [K | A] end, [], M)]),
    M32 = maps:from_list([{I, I} || I <- lists:seq(32, 1, -1)]),
    io:format("~w~n", [maps:keys(M32)]),
    M33 = M32#{0 => 0},
    io:format("~w~n", [maps:keys(M33)]),
    Atoms = maps:from_list([{list_to_atom([C]), C} || C <- lists:seq($a, $z)]),
    io:format("~w~n", [maps:keys(Atoms)]),
    io:format("~p~n", [#{b => 1, a => 2, c => 3}]),
    io:format("~p~n", [#{3 => a, 1 => b, 2 => c}]),
    io:format("~p~n", [#{1 => a, 1.0 => b, a => c}]),
    ok.
