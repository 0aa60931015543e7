-module(ets_errors).
-export([main/0]).

%% Argument errors and edge cases: rename to a taken or own name, bad
%% safe_fixtable/setopts/delete_object/lookup_element/slot arguments,
%% internal_delete_all with a carried count, heir settings.
t(F) -> try F() catch C:R -> {C, R} end.
main() ->
    ets:new(same, [named_table]),
    io:format("~p~n", [t(fun() -> ets:rename(same, same) end)]),
    U = ets:new(u, []),
    io:format("~p~n", [t(fun() -> ets:rename(U, same) end) =:= U]),
    io:format("~p~n", [t(fun() -> ets:rename(U, "x") end)]),
    io:format("~p~n", [t(fun() -> ets:internal_delete_all(U, foo) end)]),
    io:format("~p~n", [t(fun() -> ets:safe_fixtable(U, maybe) end)]),
    io:format("~p~n", [t(fun() -> ets:safe_fixtable(U, false) end)]),
    io:format("~p~n", [t(fun() -> ets:setopts(U, {heir, self(), data}) end)]),
    io:format("~p~n", [ets:info(U, heir) =:= self()]),
    io:format("~p~n", [t(fun() -> ets:setopts(U, [{heir, none}]) end)]),
    io:format("~p~n", [t(fun() -> ets:setopts(U, {protection, bad}) end)]),
    io:format("~p~n", [t(fun() -> ets:setopts(U, {foo, bar}) end)]),
    io:format("~p~n", [t(fun() -> ets:setopts(U, [{heir, none} | x]) end)]),
    io:format("~p~n", [ets:info(U, heir)]),
    T = ets:new(t, [{heir, self(), x}]),
    io:format("~p~n", [ets:info(T, heir) =:= self()]),
    io:format("~p~n", [[t(fun() -> ets:delete_object(T, X) end) || X <- [{}, foo, []]]]),
    io:format("~p~n", [[t(fun() -> ets:lookup_element(T, a, X) end) || X <- [0, -1, a, 1.0]]]),
    io:format("~p~n", [[t(fun() -> ets:slot(T, X) end) || X <- [-1, a, 256, 257]]]),
    io:format("~p~n", [t(fun() -> ets:update_element(T, k, {1, a}) end)]),
    ok.
