-module(bin_bitlevel).
-export([main/0]).

%% Bit-level sub-binaries: unaligned matching, bit_size, printing and comparison of bitstrings.

main() ->
    B = <<2#10110011, 2#01010101, 2#11110000>>,
    [begin
         <<_:Off, Sub:Len/bits, _/bits>> = B,
         io:format("~w ~w ~w ~w~n", [Off, Len, Sub, bit_size(Sub)])
     end || Off <- [0, 1, 3, 7], Len <- [0, 1, 5, 8, 13]],
    <<_:1, R/bits>> = B,
    io:format("~w~n", [R]),
    <<_:2, R2/bits>> = R,
    io:format("~w ~w~n", [R2, bit_size(R2)]),
    io:format("~w~n", [<<R/bits, R2/bits>>]),
    io:format("~w~n", [bitstring_to_list(R)]),
    io:format("~w~n", [list_to_bitstring([1, <<2:3>>, [<<3:5>>]])]),
    io:format("~w~n", [t(fun() -> list_to_binary([<<1:3>>]) end)]),
    io:format("~w~n", [t(fun() -> byte_size(id(<<1:3>>)) end)]),
    io:format("~w ~w~n", [byte_size(<<1:9>>), bit_size(<<1:9>>)]),
    io:format("~w~n", [<<1:1>> < <<1>>]),
    io:format("~w~n", [<<1:1>> =:= <<1:1>>]),
    io:format("~w~n", [<<0:1>> == <<0:2>>]),
    io:format("~w~n", [[X || <<X:1>> <= B]]),
    Shifted = shift(B, 3),
    io:format("~w~n", [Shifted]),
    io:format("~w~n", [erlang:phash2(Shifted)]),
    ok.

shift(Bin, N) -> <<_:N, Rest/bits>> = Bin, <<Rest/bits, 0:N>>.
id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
