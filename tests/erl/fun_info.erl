-module(fun_info).
-export([main/0, ext/2]).

%% erlang:fun_info/1,2 deterministic items (arity, module, name, env, type), is_function/2.

main() ->
    X = id(42), Y = id("captured"),
    Local = fun(A) -> A + X end,
    Local2 = fun(A, B) -> {A, B, X, Y} end,
    NoEnv = fun() -> ok end,
    Ext = fun ?MODULE:ext/2,
    Bif = fun erlang:length/1,
    Named = fun Fact(0) -> 1; Fact(N) -> N * Fact(N - 1) end,
    Funs = [{local, Local}, {local2, Local2}, {noenv, NoEnv}, {ext, Ext}, {bif, Bif}, {named, Named}],
    [begin
         io:format("~p:", [Tag]),
         [io:format(" ~p", [erlang:fun_info(F, Item)]) || Item <- [arity, module, name, type]],
         io:format("~n")
     end || {Tag, F} <- Funs],
    io:format("~p~n", [erlang:fun_info(Local, env)]),
    io:format("~p~n", [erlang:fun_info(Local2, env)]),
    io:format("~p~n", [erlang:fun_info(NoEnv, env)]),
    io:format("~p~n", [erlang:fun_info(Ext, env)]),
    io:format("~p~n", [[K || {K, _} <- erlang:fun_info(Ext)]]),
    io:format("~p~n", [lists:keyfind(arity, 1, erlang:fun_info(Local2))]),
    io:format("~p~n", [[is_function(F) || {_, F} <- Funs]]),
    io:format("~p~n", [[is_function(F, 2) || {_, F} <- Funs]]),
    io:format("~p~n", [[is_function(V) || V <- [a, 1, [], {}, "f"]]]),
    io:format("~p~n", [t(fun() -> is_function(Local, -1) end)]),
    io:format("~p~n", [t(fun() -> erlang:fun_info(notfun, arity) end)]),
    io:format("~p~n", [t(fun() -> erlang:fun_info(Local, bogus) end)]),
    io:format("~p~n", [Ext]),
    io:format("~p~n", [Bif]),
    io:format("~p~n", [Ext =:= fun ?MODULE:ext/2]),
    io:format("~p~n", [erlang:fun_to_list(Ext)]),
    ok.

ext(A, B) -> A + B.
id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
