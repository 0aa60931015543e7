-module(float_shortest).
-export([main/0]).

%% Shortest round-trip printing of floats (~p, ~w, io_lib:write) over many values.

main() ->
    Vs = [1.0 / N || N <- lists:seq(1, 40)] ++
         [math:pow(10, E) || E <- lists:seq(-25, 25, 5)] ++
         [1.0e15, 1.0e16, 1.0e17, 123456789012345680.0, 0.000001, 0.0000001, 5.0e-324, 2.2250738585072014e-308,
          1.7976931348623157e308, 9007199254740992.0, 9007199254740994.0, 100.0, 1000000.0, 1.0e21, 1.0e22],
    [io:format("~p ~s~n", [V, io_lib:write(V)]) || V <- Vs],
    X = lists:foldl(fun(I, A) -> A + math:sin(I) end, 0.0, lists:seq(1, 100)),
    io:format("~p~n", [X]),
    io:format("~p~n", [[float(I) * 1.1 || I <- lists:seq(1, 12)]]),
    ok.
