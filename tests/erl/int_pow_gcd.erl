-module(int_pow_gcd).
-export([main/0]).

%% Integer power, gcd, modular exponentiation, integer sqrt on bignums.

main() ->
    [io:format("~w^~w = ~w~n", [B, E, pow(B, E)]) || B <- [2, -3, 10, 7], E <- [0, 1, 31, 64, 65, 100]],
    [io:format("gcd(~w, ~w) = ~w~n", [A, B, gcd(A, B)])
     || {A, B} <- [{12, 18}, {pow(2, 100), pow(6, 50)}, {pow(3, 200) - 1, pow(3, 120) - 1}, {17, 0}, {-48, 36}]],
    P = pow(2, 127) - 1,
    io:format("modpow ~w~n", [modpow(3, P - 1, P)]),
    io:format("modpow ~w~n", [modpow(123456789, 987654321, 1000000007)]),
    io:format("modpow ~w~n", [modpow(2, pow(10, 30), pow(10, 40) + 7)]),
    [io:format("isqrt(~w) = ~w~n", [N, isqrt(N)]) || N <- [0, 1, 99, 100, pow(10, 40), pow(2, 201) + 12345]],
    io:format("~w~n", [lists:sum([pow(I, 7) || I <- lists:seq(1, 1000)])]),
    ok.

pow(_, 0) -> 1;
pow(B, E) when E rem 2 =:= 0 -> H = pow(B, E div 2), H * H;
pow(B, E) -> B * pow(B, E - 1).

gcd(A, 0) -> abs(A);
gcd(A, B) -> gcd(B, A rem B).

modpow(_, 0, _) -> 1;
modpow(B, E, M) when E band 1 =:= 0 -> H = modpow(B, E bsr 1, M), (H * H) rem M;
modpow(B, E, M) -> (B * modpow(B, E - 1, M)) rem M.

isqrt(0) -> 0;
isqrt(N) -> isqrt(N, N).
isqrt(N, X) ->
    Y = (X + N div X) div 2,
    if Y >= X -> X; true -> isqrt(N, Y) end.
