-module(std_array).
-export([main/0]).

%% array: fixed/extendible arrays, defaults, sparse operations, folds, resize.

main() ->
    A0 = array:new(10),
    A1 = array:set(3, three, array:set(0, zero, A0)),
    io:format("~p ~p ~p~n", [array:size(A1), array:get(3, A1), array:get(5, A1)]),
    io:format("~p~n", [array:to_list(A1)]),
    io:format("~p~n", [array:sparse_to_orddict(A1)]),
    io:format("~p~n", [array:to_orddict(array:from_list([a, b]))]),
    E = array:new([{default, 0}]),
    E1 = array:set(100, x, E),
    io:format("~p ~p ~p~n", [array:size(E1), array:get(50, E1), array:is_fix(E1)]),
    F = array:fix(array:from_list([1, 2, 3])),
    io:format("~p~n", [t(fun() -> array:set(5, x, F) end)]),
    io:format("~p~n", [array:to_list(array:relax(F))]),
    io:format("~p~n", [array:foldl(fun(I, V, Acc) -> [{I, V} | Acc] end, [], array:from_list([a, b, c]))]),
    io:format("~p~n", [array:foldr(fun(_, V, Acc) -> [V | Acc] end, [], array:from_list([a, b, c]))]),
    io:format("~p~n", [array:sparse_foldl(fun(I, V, Acc) -> [{I, V} | Acc] end, [], A1)]),
    io:format("~p~n", [array:to_list(array:map(fun(I, V) -> {I, V} end, array:from_list([x, y])))]),
    io:format("~p~n", [array:sparse_to_list(array:sparse_map(fun(_, V) -> {V} end, A1))]),
    io:format("~p~n", [array:size(array:resize(3, A1))]),
    io:format("~p~n", [array:default(array:new([{default, def}]))]),
    io:format("~p~n", [array:to_list(array:reset(0, A1))]),
    Big = lists:foldl(fun(I, A) -> array:set(I, I * I, A) end, array:new(), lists:seq(0, 9999)),
    io:format("~p ~p~n", [array:size(Big), array:foldl(fun(_, V, S) -> V + S end, 0, Big)]),
    io:format("~p~n", [array:from_orddict([{0, a}, {5, b}])]),
    io:format("~p~n", [t(fun() -> array:get(-1, A1) end)]),
    io:format("~p~n", [array:is_array(A1)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
