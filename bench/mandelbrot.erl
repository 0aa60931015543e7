%% mandelbrot.erl — the Benchmarks Game's mandelbrot: float iteration per
%% pixel, pixels packed 8 to a byte in a binary (a PBM bitmap); prints its CRC.
%% group: sequential
%% args: size
%% full: 600
%% quick: 200
-module(mandelbrot).
-export([main/1]).

run(Size) ->
    Rows = [row(Y, Size) || Y <- lists:seq(0, Size - 1)],
    Bin = iolist_to_binary([<<"P4\n">>, integer_to_binary(Size), $\s,
                            integer_to_binary(Size), $\n | Rows]),
    {byte_size(Bin), erlang:crc32(Bin)}.

row(Y, Size) ->
    Ci = 2.0 * Y / Size - 1.0,
    row(0, Y, Size, Ci, <<>>).

row(X, _, Size, _, Acc) when X >= Size ->
    Pad = (8 - bit_size(Acc) rem 8) rem 8,
    <<Acc/bitstring, 0:Pad>>;
row(X, Y, Size, Ci, Acc) ->
    Cr = 2.0 * X / Size - 1.5,
    Bit = point(Cr, Ci, 0.0, 0.0, 50),
    row(X + 1, Y, Size, Ci, <<Acc/bitstring, Bit:1>>).

point(_, _, _, _, 0) -> 1;
point(Cr, Ci, Zr, Zi, N) ->
    Tr = Zr * Zr - Zi * Zi + Cr,
    Ti = 2.0 * Zr * Zi + Ci,
    if Tr * Tr + Ti * Ti > 4.0 -> 0;
       true -> point(Cr, Ci, Tr, Ti, N - 1)
    end.

main([Size]) ->
    {R, Us} = bench_lib:timed(fun() -> run(bench_lib:int(Size)) end),
    bench_lib:report(R, Us).
