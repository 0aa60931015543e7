-module(map_module).
-export([main/0]).

%% maps: get/2,3, find, put, remove, is_key, keys, values, merge, with, without, take,
%% update, update_with/3,4, size, new, from_list, to_list.

main() ->
    M = #{a => 1, b => 2, c => 3},
    io:format("~p ~p ~p~n", [maps:get(a, M), maps:get(z, M, default), maps:find(b, M)]),
    io:format("~p~n", [maps:find(z, M)]),
    io:format("~p~n", [maps:put(d, 4, M)]),
    io:format("~p~n", [maps:put(a, 0, M)]),
    io:format("~p ~p~n", [maps:remove(a, M), maps:remove(z, M)]),
    io:format("~p ~p~n", [maps:is_key(a, M), maps:is_key(z, M)]),
    io:format("~p ~p~n", [maps:keys(M), maps:values(M)]),
    io:format("~p~n", [maps:merge(M, #{c => 30, d => 40})]),
    io:format("~p~n", [maps:with([a, c, z], M)]),
    io:format("~p~n", [maps:without([a, c, z], M)]),
    io:format("~p ~p~n", [maps:take(a, M), maps:take(z, M)]),
    io:format("~p~n", [maps:update(b, 20, M)]),
    io:format("~p~n", [maps:update_with(b, fun(V) -> V * 100 end, M)]),
    io:format("~p~n", [maps:update_with(z, fun(V) -> V * 100 end, 0, M)]),
    io:format("~p ~p~n", [maps:size(M), maps:new()]),
    io:format("~p~n", [maps:from_list([{x, 1}, {y, 2}, {x, 3}])]),
    io:format("~p~n", [maps:to_list(M)]),
    io:format("~p~n", [maps:from_keys([a, b], 0)]),
    io:format("~p~n", [t(fun() -> maps:get(z, M) end)]),
    io:format("~p~n", [t(fun() -> maps:update(z, 1, M) end)]),
    io:format("~p~n", [t(fun() -> maps:get(a, notamap) end)]),
    io:format("~p~n", [t(fun() -> maps:from_list([a]) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
