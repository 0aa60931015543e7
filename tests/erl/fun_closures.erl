-module(fun_closures).
-export([main/0]).

%% Closures capturing variables, counters via closures, composition, currying.

main() ->
    Add = fun(N) -> fun(X) -> X + N end end,
    Add5 = Add(5),
    io:format("~p ~p~n", [Add5(10), (Add(-1))(1)]),
    Compose = fun(F, G) -> fun(X) -> F(G(X)) end end,
    Inc = fun(X) -> X + 1 end,
    Dbl = fun(X) -> X * 2 end,
    io:format("~p ~p~n", [(Compose(Inc, Dbl))(5), (Compose(Dbl, Inc))(5)]),
    Pipeline = lists:foldl(Compose, fun(X) -> X end, [Inc, Dbl, Inc, Dbl]),
    io:format("~p~n", [Pipeline(1)]),
    Curry = fun(F) -> fun(A) -> fun(B) -> F(A, B) end end end,
    io:format("~p~n", [((Curry(fun erlang:'-'/2))(10))(3)]),
    Fs = [fun() -> I * I end || I <- lists:seq(1, 5)],
    io:format("~p~n", [[F() || F <- Fs]]),
    {A, B, C} = {1, [two], "three"},
    Cap = fun() -> {A, B, C} end,
    io:format("~p~n", [Cap()]),
    Shadow = fun(A1) -> A1 * 100 end,
    io:format("~p ~p~n", [Shadow(2), A]),
    Acc = lists:foldl(fun(F, Ac) -> F(Ac) end, 0, [Add(I) || I <- lists:seq(1, 10)]),
    io:format("~p~n", [Acc]),
    Memo = make_counter(),
    io:format("~p~n", [Memo(3)]),
    io:format("~p~n", [(fun(X, Y) -> {Y, X} end)(1, 2)]),
    io:format("~p~n", [(fun([H | _]) -> H; ([]) -> none end)([])]),
    ok.

make_counter() ->
    fun Loop(0) -> [];
        Loop(N) -> [N | Loop(N - 1)]
    end.
