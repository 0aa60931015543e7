-module(bif_fun_info).
-export([main/0, ext/2]).

%% erlang:fun_info/1,2 (every item), fun_info_mfa/1, fun_to_list/1,
%% make_fun/3 and nif_error/2, with their errors.

main() ->
    X = id(42), Y = id("captured"),
    Local = fun(A) -> A + X end,
    Local2 = fun(A, B) -> {A, B, X, Y} end,
    NoEnv = fun() -> ok end,
    Ext = fun ?MODULE:ext/2,
    Bif = fun erlang:length/1,
    Made = erlang:make_fun(lists, reverse, 1),
    Items = [arity, module, name, env, type, index, new_index, uniq],
    [io:format("~p: ~p~n", [Tag, [erlang:fun_info(F, I) || I <- Items]])
     || {Tag, F} <- [{local, Local}, {local2, Local2}, {noenv, NoEnv}, {ext, Ext}, {bif, Bif}, {made, Made}]],
    %% creator pid and module md5 (compared, not printed)
    io:format("~p~n", [[erlang:fun_info(F, pid) =:= {pid, self()} || F <- [Local, NoEnv]]]),
    io:format("~p~n", [[erlang:fun_info(F, pid) || F <- [Ext, Made]]]),
    {new_uniq, U} = erlang:fun_info(Local, new_uniq),
    io:format("~p~n", [{is_binary(U), byte_size(U), erlang:fun_info(NoEnv, new_uniq) =:= {new_uniq, U}}]),
    io:format("~p~n", [erlang:fun_info(Ext, new_uniq)]),
    io:format("~p~n", [[K || {K, _} <- erlang:fun_info(Local)]]),
    io:format("~p~n", [erlang:fun_info(Ext)]),
    io:format("~p~n", [lists:keyfind(env, 1, erlang:fun_info(Local2))]),
    io:format("~p~n", [[erlang:fun_info_mfa(F) || F <- [Local, Local2, Ext, Bif, Made]]]),
    %% printed forms
    io:format("~p~n", [[erlang:fun_to_list(F) || F <- [Local, NoEnv, Ext, Bif, Made]]]),
    io:format("~p~n", [Local]),
    io:format("~p~n", [[erlang:fun_to_list(erlang:make_fun(M, F, 3)) ||
                           {M, F} <- [{'A b', 'c d'}, {'after', 'x@y'}, {'', f}, {m, 'Q'},
                                      {'a\nb', 'q\'\\'}, {'a\001b', 'tab\tx'}, {'_x', x_1}]]]),
    io:format("~w~n", [erlang:fun_to_list(erlang:make_fun('\x{e9}t\x{e9}', '\x{fc}', 0))]),
    io:format("~w~n", [erlang:fun_to_list(erlang:make_fun(m, '\x{100}\x{2603}', 0))]),
    %% make_fun
    io:format("~p~n", [(erlang:make_fun(lists, reverse, 1))([1, 2, 3])]),
    io:format("~p~n", [erlang:make_fun(lists, reverse, 255)]),
    io:format("~p~n", [erlang:make_fun(?MODULE, ext, 2) =:= Ext]),
    io:format("~p~n", [t(fun() -> (erlang:make_fun(nomod, nofun, 1))(1) end)]),
    io:format("~p~n", [[t(fun() -> erlang:make_fun(M, F, A) end) ||
                           {M, F, A} <- [{lists, reverse, -1}, {lists, reverse, 256}, {"lists", reverse, 1},
                                         {lists, "reverse", 1}, {lists, reverse, 1.0}, {lists, reverse, 1 bsl 70}]]]),
    %% errors
    io:format("~p~n", [[t(fun() -> erlang:fun_info(F, I) end) ||
                           {F, I} <- [{notfun, arity}, {Local, bogus}, {Local, "arity"}, {{}, type}]]]),
    io:format("~p~n", [t(fun() -> erlang:fun_info(notfun) end)]),
    io:format("~p~n", [[t(fun() -> erlang:fun_info_mfa(F) end) || F <- [x, {lists, reverse, 1}]]]),
    io:format("~p~n", [[t(fun() -> erlang:fun_to_list(F) end) || F <- [x, "fun", {'fun'}]]]),
    io:format("~p~n", [t(fun() -> erlang:nif_error(my_reason, [1, 2]) end)]),
    io:format("~p~n", [try erlang:nif_error(undefined, x) catch error:R:S -> {R, hd(S)} end]),
    ok.

ext(A, B) -> A + B.
id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
