-module(int_float_compare).
-export([main/0]).

%% Comparisons between integers and floats (== vs =:=, big ints vs floats).

main() ->
    Pairs = [{1, 1.0}, {0, 0.0}, {0, -0.0}, {-1, -1.0}, {1 bsl 53, float(1 bsl 53)},
             {(1 bsl 53) + 1, float(1 bsl 53)}, {1 bsl 64, 18446744073709551616.0},
             {(1 bsl 64) + 1, 18446744073709551616.0}, {1 bsl 1023, math:pow(2, 1023)},
             {1 bsl 1024, 1.7976931348623157e308}, {-(1 bsl 1024), -1.7976931348623157e308},
             {3, 2.9999999999999996}, {3, 3.0000000000000004}, {1 bsl 60, 1.152921504606847e18}],
    [io:format("~w ~w: == ~w =:= ~w /= ~w =/= ~w < ~w > ~w =< ~w >= ~w~n",
               [A, B, A == B, A =:= B, A /= B, A =/= B, A < B, A > B, A =< B, A >= B])
     || {A, B} <- Pairs],
    io:format("~w~n", [lists:sort([3, 2.0, 1, 2, 1.0, 3.0, 0.5, -1, -1.0])]),
    io:format("~w~n", [lists:usort([3, 2.0, 1, 2, 1.0, 3.0])]),
    io:format("~w~n", [lists:sort(fun(A, B) -> A =< B end, [2, 2.0, 1.0, 1])]),
    io:format("~w ~w~n", [max(1, 1.0), max(1.0, 1)]),
    io:format("~w ~w~n", [min(1, 1.0), min(1.0, 1)]),
    io:format("~w~n", [lists:member(1.0, [1, 2])]),
    io:format("~w~n", [lists:keyfind(1.0, 1, [{1, a}, {1.0, b}])]),
    io:format("~w~n", [1 == 1.0 andalso 1 =/= 1.0]),
    ok.
