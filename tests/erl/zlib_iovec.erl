-module(zlib_iovec).
-export([main/0]).

%% zlib input queue: iolists of many small and large binaries (more than
%% the 256 the queue takes per call), sub binaries at odd offsets, and
%% output sizes of multi-binary input.

show(Tag, X) -> io:format("~s: ~w~n", [Tag, X]).

main() ->
    R = << <<((I * 7919 + (I bsr 5) * 13) rem 251)>> || I <- lists:seq(1, 30000) >>,
    Small = [binary:part(R, I, 10) || I <- lists:seq(0, 3000, 3)],
    show("many small", {length(Small), erlang:md5(zlib:compress(Small))}),
    Mixed = [[B, I rem 256, "str"] || {B, I} <- lists:zip(Small, lists:seq(1, length(Small)))],
    show("mixed", erlang:md5(zlib:compress(Mixed))),
    Large = [binary:part(R, I * 100, 5000) || I <- lists:seq(0, 40)],
    show("large compressed", byte_size(zlib:compress(Large))),
    <<_:3, Odd/bitstring>> = <<R/binary, 0:5>>,
    <<_:1, X:8/binary, _:7>> = <<1:1, "abcdefgh", 0:7>>,
    <<_:5, Y:100/binary, _/bitstring>> = Odd,
    OddBins = [binary:part(R, 1, 200), X, Y],
    show("odd", {bit_size(Odd), erlang:md5(zlib:gzip(OddBins))}),
    Z = zlib:open(),
    ok = zlib:deflateInit(Z, 1),
    A = zlib:deflate(Z, Large),
    B = zlib:deflate(Z, Small, sync),
    C = zlib:deflate(Z, Large, full),
    D = zlib:deflate(Z, [], finish),
    %% erl may end a step early when the time slice runs out (girder does
    %% not), which moves the boundaries between output binaries of
    %% multi-binary input: compare only sizes here
    show("sizes", [iolist_size(A), iolist_size(B), iolist_size(C), iolist_size(D)]),
    ok = zlib:deflateEnd(Z),
    All = iolist_to_binary([A, B, C, D]),
    show("md5", erlang:md5(All)),
    ok = zlib:inflateInit(Z),
    Pieces = [binary:part(All, I, min(700, byte_size(All) - I)) || I <- lists:seq(0, byte_size(All) - 1, 700)],
    O = zlib:inflate(Z, Pieces),
    show("inflate size", iolist_size(O)),
    show("inflate ok", iolist_to_binary(O) =:= iolist_to_binary([Large, Small, Large])),
    ok = zlib:inflateEnd(Z),
    ok = zlib:close(Z),
    ok.
