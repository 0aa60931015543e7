-module(bin_int_segments).
-export([main/0]).

%% Integer segments: signed/unsigned, big/little/native, various sizes; construct and match.

main() ->
    Vals = [0, 1, -1, 127, 128, -128, 255, 256, 65535, -32768, 16#12345678, -16#12345678,
            16#123456789ABCDEF0, -(1 bsl 63), (1 bsl 64) - 1, 1 bsl 70],
    Sizes = [8, 16, 24, 32, 64],
    [begin
         Bb = <<V:S/big>>, Bl = <<V:S/little>>, Bn = <<V:S/native>>,
         <<Ub:S/unsigned-big>> = Bb, <<Sb:S/signed-big>> = Bb,
         <<Ul:S/unsigned-little>> = Bl, <<Sl:S/signed-little>> = Bl,
         <<Un:S/native>> = Bn,
         io:format("~w/~w ~w ~w ~w ~w ~w ~w ~w~n", [V, S, Bb, Bl, Ub, Sb, Ul, Sl, Un =:= Ub])
     end || V <- Vals, S <- Sizes],
    io:format("~w~n", [<<1:1, 0:1, 1:1, 1:5>>]),
    io:format("~w~n", [<<-1:12, 5:4>>]),
    io:format("~w~n", [<<16#ABC:12/little, 0:4>>]),
    <<A:12/little, B:4>> = <<16#BC, 16#AA>>,
    io:format("~w ~w~n", [A, B]),
    <<C:12/signed-little, _:4>> = <<16#FF, 16#F8>>,
    io:format("~w~n", [C]),
    <<D:128/signed>> = <<-5:128>>,
    io:format("~w~n", [D]),
    <<E:100/little, F:28>> = <<(1 bsl 99 + 12345):100/little, 7:28>>,
    io:format("~w ~w~n", [E, F]),
    ok.
