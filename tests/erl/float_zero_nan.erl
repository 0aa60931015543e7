-module(float_zero_nan).
-export([main/0]).

%% Signed zero behaviour in comparisons, matching, term_to_binary and printing.

main() ->
    Z = id(0.0), N = id(-0.0),
    io:format("~w ~w~n", [Z, N]),
    io:format("== ~w =:= ~w < ~w~n", [Z == N, Z =:= N, N < Z]),
    io:format("match ~w~n", [case N of 0.0 -> pos; -0.0 -> neg; _ -> other end]),
    io:format("~w~n", [term_to_binary(Z)]),
    io:format("~w~n", [term_to_binary(N)]),
    io:format("~w ~w~n", [<<Z/float>>, <<N/float>>]),
    io:format("~s ~s~n", [float_to_list(N), float_to_list(N, [{decimals, 2}])]),
    io:format("~w ~w ~w~n", [N * 1, N + 0, N * -1]),
    io:format("~w~n", [lists:usort([Z, N, 0, Z])]),
    io:format("~w ~w~n", [erlang:phash2(Z), erlang:phash2(N)]),
    io:format("~w ~w~n", [round(N), trunc(N)]),
    Inf = <<0:1, 2047:11, 0:52>>,
    io:format("~w~n", [case Inf of <<F:64/float>> -> {float, F}; _ -> no_match end]),
    io:format("~w~n", [case <<0:1, 2047:11, 1:52>> of <<G:64/float>> -> {float, G}; _ -> no_match end]),
    io:format("~w~n", [case <<16#7C00:16>> of <<H:16/float>> -> {float, H}; _ -> no_match end]),
    io:format("~w~n", [case <<16#3C00:16>> of <<H2:16/float>> -> {float, H2}; _ -> no_match end]).

id(X) -> X.
