-module(int_pidigits).
-export([main/0]).

%% The pidigits spigot (bignum mul/add/div heavy).

main() ->
    Digits = pi(300),
    print(Digits, 1),
    ok.

pi(N) -> pi(N, 1, 0, 1, 1, 3, 3, []).

pi(0, _Q, _R, _T, _K, _N, _L, Acc) -> lists:reverse(Acc);
pi(C, Q, R, T, K, N, L, Acc) ->
    case 4 * Q + R - T < N * T of
        true ->
            pi(C - 1, 10 * Q, 10 * (R - N * T), T, K, (10 * (3 * Q + R)) div T - 10 * N, L, [N | Acc]);
        false ->
            pi(C, Q * K, (2 * Q + R) * L, T * L, K + 1, (Q * (7 * K + 2) + R * L) div (T * L), L + 2, Acc)
    end.

print([], _) -> ok;
print(Ds, I) ->
    {Line, Rest} = case length(Ds) > 10 of
                       true -> lists:split(10, Ds);
                       false -> {Ds, []}
                   end,
    io:format("~s\t:~w~n", [[D + $0 || D <- Line], I + length(Line) - 1]),
    print(Rest, I + length(Line)).
