-module(float_list_to_float).
-export([main/0]).

%% list_to_float parsing: valid forms, rounding, and badarg cases.

main() ->
    Good = ["0.0", "-0.0", "1.0", "+1.0", "1.5e3", "1.5E3", "1.5e+3", "1.5e-3", "0.1", "123456789012345678901234567890.0",
            "2.2250738585072014e-308", "4.9e-324", "2.4e-324", "1.7976931348623157e308", "0.30000000000000004",
            "9007199254740993.0", "1.00000000000000011102230246251565404236316680908203125", "3.14159265358979323846264338327950288"],
    [io:format("~s -> ~w~n", [S, list_to_float(S)]) || S <- Good],
    Bad = ["1", "1.", ".1", "1e5", "1.0e", "1.0e+", "abc", "", "1.0 ", " 1.0", "1,0", "1.0e400", "--1.0", "0x1.0"],
    [io:format("~p -> ~p~n", [S, t(fun() -> list_to_float(S) end)]) || S <- Bad],
    io:format("~p~n", [t(fun() -> list_to_float(foo) end)]),
    io:format("~p~n", [[list_to_float(float_to_list(X)) =:= X || X <- [0.1, 1.0e-300, 123.456, -7.0e200]]]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
