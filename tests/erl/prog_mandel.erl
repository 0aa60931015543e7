-module(prog_mandel).
-export([main/0]).

%% ASCII Mandelbrot set (float loops) and a PBM-style bit-packed checksum.

main() ->
    [io:format("~s~n", [[cell(X / 30 - 2.2, Y / 12 - 1.2) || X <- lists:seq(0, 89)]]) || Y <- lists:seq(0, 28)],
    Bits = << <<(in_set(X / 64 - 1.5, Y / 64 - 1.0)):1>> || Y <- lists:seq(0, 127), X <- lists:seq(0, 127) >>,
    io:format("~w ~w~n", [bit_size(Bits), erlang:crc32(Bits)]),
    ok.

cell(Cr, Ci) ->
    case iter(0.0, 0.0, Cr, Ci, 0) of
        50 -> $#;
        N when N > 10 -> $+;
        N when N > 4 -> $.;
        _ -> $\s
    end.

in_set(Cr, Ci) -> case iter(0.0, 0.0, Cr, Ci, 0) of 50 -> 1; _ -> 0 end.

iter(_, _, _, _, 50) -> 50;
iter(Zr, Zi, Cr, Ci, N) ->
    Zr2 = Zr * Zr, Zi2 = Zi * Zi,
    if Zr2 + Zi2 > 4.0 -> N;
       true -> iter(Zr2 - Zi2 + Cr, 2 * Zr * Zi + Ci, Cr, Ci, N + 1)
    end.
