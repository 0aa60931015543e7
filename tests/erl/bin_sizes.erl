-module(bin_sizes).
-export([main/0]).

%% Integer segments of every size 0..200 bits: round trip and printing.

main() ->
    [begin
         V = (1 bsl S) - 3,
         B = <<V:S>>,
         <<U:S>> = B,
         <<Sg:S/signed>> = B,
         L = <<V:S/little>>,
         <<UL:S/little>> = L,
         io:format("~w ~w ~w ~w ~w ~w~n", [S, bit_size(B), U =:= V band ((1 bsl S) - 1), Sg, UL =:= U, erlang:phash2({B, L})])
     end || S <- lists:seq(0, 200, 3)],
    io:format("~w~n", [<<5:0>>]),
    <<>> = <<123:0>>,
    io:format("~w~n", [[<<1:S>> || S <- lists:seq(1, 17)]]),
    io:format("~w~n", [[<<-1:S>> || S <- lists:seq(1, 17)]]),
    io:format("~w~n", [[<<255:S/little>> || S <- lists:seq(1, 17)]]),
    ok.
