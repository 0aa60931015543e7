-module(fun_recursion).
-export([main/0]).

%% Recursion through funs: named funs, Y-combinator style, mutual recursion via a map of funs.

main() ->
    Fact = fun F(0) -> 1; F(N) -> N * F(N - 1) end,
    io:format("~p~n", [Fact(30)]),
    Fib = fun Fib(N) when N < 2 -> N; Fib(N) -> Fib(N - 1) + Fib(N - 2) end,
    io:format("~p~n", [[Fib(I) || I <- lists:seq(0, 20)]]),
    Y = fun(G) -> (fun(X) -> G(fun(V) -> (X(X))(V) end) end)(fun(X) -> G(fun(V) -> (X(X))(V) end) end) end,
    Len = Y(fun(Self) -> fun([]) -> 0; ([_ | T]) -> 1 + Self(T) end end),
    io:format("~p~n", [Len(lists:seq(1, 1000))]),
    Table = #{even => fun(0, _) -> true; (N, T) -> (maps:get(odd, T))(N - 1, T) end,
              odd => fun(0, _) -> false; (N, T) -> (maps:get(even, T))(N - 1, T) end},
    io:format("~p~n", [[(maps:get(even, Table))(N, Table) || N <- [0, 1, 10, 7, 1000]]]),
    Loop = fun L(0, Acc) -> Acc; L(N, Acc) -> L(N - 1, Acc + N) end,
    io:format("~p~n", [Loop(1000000, 0)]),
    Ack = fun A(0, N) -> N + 1; A(M, 0) -> A(M - 1, 1); A(M, N) -> A(M - 1, A(M, N - 1)) end,
    io:format("~p~n", [Ack(2, 3)]),
    io:format("~p~n", [Ack(3, 5)]),
    ok.
