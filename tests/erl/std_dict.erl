-module(std_dict).
-export([main/0]).

%% dict: store, append, update, fetch, find, erase, fold, map, filter, merge (sorted output).

main() ->
    D0 = dict:new(),
    D1 = dict:store(a, 1, dict:store(b, 2, dict:store(c, 3, D0))),
    io:format("~p~n", [lists:sort(dict:to_list(D1))]),
    io:format("~p ~p~n", [dict:fetch(a, D1), dict:find(z, D1)]),
    io:format("~p ~p~n", [dict:is_key(b, D1), dict:size(D1)]),
    D2 = dict:append(l, x, dict:append(l, y, D1)),
    io:format("~p~n", [dict:fetch(l, D2)]),
    D3 = dict:append_list(l, [p, q], D2),
    io:format("~p~n", [dict:fetch(l, D3)]),
    D4 = dict:update(a, fun(V) -> V * 100 end, D1),
    io:format("~p~n", [lists:sort(dict:to_list(D4))]),
    D5 = dict:update(z, fun(V) -> V end, init, D1),
    io:format("~p~n", [dict:fetch(z, D5)]),
    D6 = dict:update_counter(a, 5, D1),
    io:format("~p~n", [dict:fetch(a, D6)]),
    io:format("~p~n", [lists:sort(dict:fetch_keys(dict:erase(a, D1)))]),
    io:format("~p~n", [dict:fold(fun(_, V, Acc) -> V + Acc end, 0, D1)]),
    io:format("~p~n", [lists:sort(dict:to_list(dict:map(fun(_, V) -> -V end, D1)))]),
    io:format("~p~n", [lists:sort(dict:to_list(dict:filter(fun(K, _) -> K =/= b end, D1)))]),
    M = dict:merge(fun(_, X, Y) -> X + Y end, D1, dict:from_list([{a, 10}, {d, 4}])),
    io:format("~p~n", [lists:sort(dict:to_list(M))]),
    Big = dict:from_list([{I, I} || I <- lists:seq(1, 500)]),
    io:format("~p ~p~n", [dict:size(Big), dict:fold(fun(K, V, A) -> K + V + A end, 0, Big)]),
    io:format("~p~n", [dict:take(b, D1) =/= error]),
    io:format("~p~n", [t(fun() -> dict:fetch(nope, D1) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
