-module(int_fib_big).
-export([main/0]).

%% Fibonacci numbers as bignums; Lucas identities as checks.

main() ->
    [io:format("fib(~w) = ~w~n", [N, fib(N)]) || N <- [0, 1, 2, 50, 90, 91, 92, 93, 100, 200, 300]],
    F = fib(5000),
    S = integer_to_list(F),
    io:format("fib(5000): ~w digits, head ~s, tail ~s~n", [length(S), lists:sublist(S, 20), lists:nthtail(length(S) - 20, S)]),
    Ok = lists:all(fun(N) -> fib(2 * N) =:= fib(N) * (2 * fib(N + 1) - fib(N)) end, lists:seq(1, 120)),
    io:format("doubling identity ~w~n", [Ok]),
    Cas = lists:all(fun(N) -> fib(N + 1) * fib(N - 1) - fib(N) * fib(N) =:= sign(N) end, lists:seq(1, 150)),
    io:format("cassini ~w~n", [Cas]),
    io:format("~w~n", [fib(1000) rem fib(500)]),
    ok.

fib(N) -> fib(N, 0, 1).
fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, A + B).

sign(N) when N rem 2 =:= 0 -> 1;
sign(_) -> -1.
