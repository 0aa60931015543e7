-module(float_to_binary).
-export([main/0]).

%% float_to_binary/1,2 and binary_to_float round trips.

main() ->
    Vs = [0.0, 1.0, -2.5, 0.1, 1.0e-5, 6.02214076e23, 1.0e16, 9.999999999999999e22, 4.9e-324],
    [begin
         B = float_to_binary(V),
         io:format("~p ~p ~p ~p ~p~n", [B, binary_to_float(B) =:= V, float_to_binary(V, [short]),
                                        float_to_binary(V, [{scientific, 5}]), float_to_binary(V, [{decimals, 6}, compact])])
     end || V <- Vs],
    io:format("~p~n", [[binary_to_float(B) || B <- [<<"1.0">>, <<"-0.5">>, <<"1.0e3">>, <<"2.5E-2">>, <<"0.1e+1">>]]]),
    io:format("~p~n", [[t(fun() -> binary_to_float(B) end) || B <- [<<"1">>, <<"1.">>, <<".5">>, <<"1e3">>, <<"abc">>, <<>>, <<"1.0e400">>]]]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
