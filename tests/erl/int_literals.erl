-module(int_literals).
-export([main/0]).

%% Integer and char literal syntax: bases, $-chars, underscores, escapes.

main() ->
    io:format("~w~n", [[16#FF, 16#ff, 2#1010, 8#777, 36#ZZ, 36#zz, -16#10, 1_000_000, 16#FFFF_FFFF]]),
    io:format("~w~n", [[$a, $A, $\n, $\t, $\s, $\\, $\", $', $\0, $\177, $\x41, $\x{1F600}, $\^A, $\e, $\d]]),
    io:format("~w~n", [[1.0e10, 1.5e-3, 2.0E+2, 1_0.0_1, 0.1]]),
    io:format("~w~n", ["\x{41}\101\b\f\v\r"]),
    io:format("~w~n", [16#123456789ABCDEF0123456789ABCDEF]),
    io:format("~w~n", [-9223372036854775808]),
    io:format("~w~n", [[576460752303423487, 576460752303423488, -576460752303423488, -576460752303423489]]),
    io:format("~w~n", [is_integer(16#FFFFFFFFFFFFFFFFFFFFFFFF)]),
    io:format("~p~n", [[$h, $i]]),
    ok.
