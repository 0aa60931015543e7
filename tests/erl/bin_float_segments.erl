-module(bin_float_segments).
-export([main/0]).

%% Float segments of size 16, 32, 64 in both byte orders.

main() ->
    Vs = [0.0, -0.0, 1.0, -2.5, 0.1, 65504.0, 1.0e-5, 3.4028234663852886e38, 1.0e300, 5, -7],
    [begin
         B64 = <<V:64/float>>, L64 = <<V:64/float-little>>,
         <<F64:64/float>> = B64, <<FL64:64/float-little>> = L64,
         io:format("~w: ~w ~w ~w ~w~n", [V, B64, L64, F64, FL64])
     end || V <- Vs],
    [io:format("32 ~w: ~p~n", [V, t(fun() -> B = <<V:32/float>>, <<F:32/float>> = B, {B, F} end)]) || V <- Vs],
    [io:format("32le ~w: ~p~n", [V, t(fun() -> B = <<V:32/float-little>>, <<F:32/float-little>> = B, {B, F} end)]) || V <- Vs],
    [io:format("16 ~w: ~p~n", [V, t(fun() -> B = <<V:16/float>>, <<F:16/float>> = B, {B, F} end)]) || V <- Vs],
    [io:format("16le ~w: ~p~n", [V, t(fun() -> B = <<V:16/float-little>>, <<F:16/float-little>> = B, {B, F} end)]) || V <- Vs],
    io:format("~w~n", [<<1.0:64/float-native>> =:= <<1.0:64/float-little>>]),
    io:format("~p~n", [[F || <<F:16/float>> <= <<16#3C00:16, 16#C000:16, 16#7BFF:16, 16#0001:16, 16#0400:16, 16#3555:16>>]]),
    io:format("~p~n", [[F || <<F:32/float>> <= <<16#3F800000:32, 16#00000001:32, 16#7F7FFFFF:32>>]]),
    io:format("~p~n", [t(fun() -> <<(id(1.0)):24/float>> end)]),
    io:format("~p~n", [t(fun() -> <<(id(a)):64/float>> end)]),
    io:format("~p~n", [case <<1, 2, 3>> of <<F:24/float>> -> F; _ -> nomatch end]),
    ok.

id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
