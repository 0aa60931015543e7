-module(map_errors).
-export([main/0]).

%% badmap and badkey errors from map syntax and the maps module.

main() ->
    Cases = [{"update non-map", fun() -> (id(notmap))#{a => 1} end},
             {"exact update missing", fun() -> (id(#{}))#{a := 1} end},
             {"exact update non-map", fun() -> (id([]))#{a := 1} end},
             {"maps:get missing", fun() -> maps:get(k, #{}) end},
             {"maps:get non-map", fun() -> maps:get(k, id(x)) end},
             {"maps:put non-map", fun() -> maps:put(k, v, id(x)) end},
             {"maps:merge", fun() -> maps:merge(#{}, id(x)) end},
             {"map_size", fun() -> map_size(id(x)) end},
             {"maps:keys", fun() -> maps:keys(id([])) end},
             {"maps:update", fun() -> maps:update(k, 1, #{}) end},
             {"is_map_key", fun() -> is_map_key(a, id(b)) end},
             {"map_get", fun() -> map_get(a, #{b => 1}) end},
             {"match missing", fun() -> #{a := X} = id(#{b => 1}), X end},
             {"maps:from_list", fun() -> maps:from_list(id([{a, 1} | b])) end},
             {"maps:fold", fun() -> maps:fold(fun(_, _, A) -> A end, 0, id(x)) end},
             {"maps:iterator", fun() -> maps:iterator(id(x)) end}],
    [io:format("~s -> ~p~n", [N, t(F)]) || {N, F} <- Cases],
    ok.

id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
