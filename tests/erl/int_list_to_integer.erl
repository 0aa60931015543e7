-module(int_list_to_integer).
-export([main/0]).

%% list_to_integer/binary_to_integer with bases and errors.

main() ->
    Cases = [{"0", 10}, {"-0", 10}, {"+15", 10}, {"123456789012345678901234567890", 10},
             {"-123456789012345678901234567890", 10}, {"ff", 16}, {"FF", 16}, {"-fF", 16},
             {"zz", 36}, {"ZZ", 36}, {"1010101", 2}, {"777", 8},
             {"1111111111111111111111111111111111111111111111111111111111111111", 2},
             {"10000000000000000000000000000000000000000000000000000000000000000", 2},
             {"7fffffffffffffff", 16}, {"8000000000000000", 16}, {"-8000000000000000", 16},
             {"0000000000000000000000000000000000042", 10}],
    [io:format("~s/~w -> ~w ~w~n", [S, B, list_to_integer(S, B), binary_to_integer(list_to_binary(S), B)])
     || {S, B} <- Cases],
    Bad = [{"", 10}, {"-", 10}, {"+", 10}, {"12a", 10}, {"g", 16}, {" 1", 10}, {"1 ", 10},
           {"1.0", 10}, {"2", 2}, {"10", 1}, {"10", 37}, {"--1", 10}],
    [io:format("~p/~w -> ~w~n", [S, B, t(fun() -> list_to_integer(S, B) end)]) || {S, B} <- Bad],
    io:format("~w~n", [t(fun() -> list_to_integer(abc) end)]),
    io:format("~w~n", [t(fun() -> list_to_integer([$1 | $2]) end)]),
    io:format("~w~n", [t(fun() -> binary_to_integer(<<"12">>, 0) end)]),
    io:format("~w~n", [t(fun() -> binary_to_integer(<<>>) end)]),
    io:format("~w~n", [list_to_integer("-99999999999999999999999")]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
