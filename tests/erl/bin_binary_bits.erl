-module(bin_binary_bits).
-export([main/0]).

%% binary and bitstring segments, sub-binaries, concatenation of unaligned pieces.

main() ->
    B = <<"hello world">>,
    <<H:5/binary, $\s, W/binary>> = B,
    io:format("~p ~p~n", [H, W]),
    <<_:3, Odd:13/bits, Tail/bits>> = B,
    io:format("~w ~w~n", [Odd, bit_size(Tail)]),
    C = <<Odd/bits, Tail/bits, 1:3>>,
    io:format("~w ~w~n", [C, bit_size(C)]),
    io:format("~w~n", [<<B/binary, B/binary>>]),
    io:format("~w~n", [<<1:1, B/binary, 0:7>>]),
    Bits = << <<X:1>> || X <- [1, 0, 1, 1, 0, 0, 1, 0, 1, 1] >>,
    io:format("~w ~w~n", [Bits, bit_size(Bits)]),
    <<P:4/bits, Q/bits>> = Bits,
    io:format("~w ~w~n", [P, Q]),
    io:format("~w~n", [<<Q/bits, P/bits>>]),
    io:format("~p~n", [t(fun() -> <<(id(Bits))/binary>> end)]),
    io:format("~p~n", [t(fun() -> <<(id(abc))/binary>> end)]),
    io:format("~p~n", [t(fun() -> <<(id(<<1, 2>>)):3/binary>> end)]),
    io:format("~w~n", [<<(id(<<1, 2, 3>>)):2/binary>>]),
    io:format("~w~n", [<<(id(<<1, 2, 3>>)):10/bits>>]),
    Sub = binary:part(B, 2, 5),
    io:format("~p ~p~n", [Sub, binary:referenced_byte_size(Sub) >= 5]),
    io:format("~w~n", [[X || <<X:3>> <= <<"abc">>]]),
    io:format("~w~n", [is_binary(Bits)]),
    io:format("~w ~w~n", [is_bitstring(Bits), is_bitstring(<<>>)]),
    ok.

id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
