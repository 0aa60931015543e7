-module(bin_unit).
-export([main/0]).

%% Segment unit specifiers, size expressions, and matching with units.

main() ->
    N = id(3),
    io:format("~w~n", [<<1:N/unit:8>>]),
    io:format("~w~n", [<<1:2/unit:4>>]),
    io:format("~w~n", [<<7:N/unit:1>>]),
    io:format("~w~n", [<<16#FFFF:N/unit:5>>]),
    <<X:2/unit:8, Rest/binary>> = <<1, 2, 3, 4>>,
    io:format("~w ~w~n", [X, Rest]),
    <<Y:N/unit:4, R2/bitstring>> = <<255, 1>>,
    io:format("~w ~w~n", [Y, R2]),
    <<B:2/binary-unit:16, _/binary>> = <<"abcdef">>,
    io:format("~p~n", [B]),
    <<Bits:5/bitstring, Rest3/bits>> = <<"z">>,
    io:format("~w ~w~n", [Bits, Rest3]),
    io:format("~w~n", [<< <<"ab">>:1/binary-unit:16 >>]),
    io:format("~w~n", [<< <<1, 2, 3>>:(id(2))/binary >>]),
    io:format("~w~n", [<<3.5:(id(4))/float-unit:16>>]),
    <<F:4/float-unit:8>> = <<1.5:32/float>>,
    io:format("~w~n", [F]),
    io:format("~w~n", [t(fun() -> <<1:(id(-1))>> end)]),
    io:format("~w~n", [t(fun() -> <<1:(id(a))>> end)]),
    ok.

id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
