-module(prog_fib).
-export([main/0]).

%% Doubly recursive fib(25) and friends (call-heavy integer code).

main() ->
    io:format("~w~n", [fib(25)]),
    io:format("~w~n", [[fib(N) || N <- lists:seq(0, 20)]]),
    io:format("~w~n", [tak(18, 12, 6)]),
    io:format("~w~n", [ack(2, 9)]),
    io:format("~w~n", [hanoi(16, a, b, c, 0)]),
    ok.

fib(0) -> 0;
fib(1) -> 1;
fib(N) -> fib(N - 1) + fib(N - 2).

tak(X, Y, Z) when Y < X -> tak(tak(X - 1, Y, Z), tak(Y - 1, Z, X), tak(Z - 1, X, Y));
tak(_, _, Z) -> Z.

ack(0, N) -> N + 1;
ack(M, 0) -> ack(M - 1, 1);
ack(M, N) -> ack(M - 1, ack(M, N - 1)).

hanoi(0, _, _, _, C) -> C;
hanoi(N, F, T, V, C) -> hanoi(N - 1, V, T, F, hanoi(N - 1, F, V, T, C) + 1).
