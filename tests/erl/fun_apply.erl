-module(fun_apply).
-export([main/0, add/2, sum/1, zero/0]).

%% apply/2,3, calling via variables (M:F(A)), funs from atoms, erlang:apply with BIFs.

main() ->
    io:format("~p~n", [apply(fun(A, B) -> A * B end, [6, 7])]),
    io:format("~p~n", [apply(?MODULE, add, [1, 2])]),
    io:format("~p~n", [apply(lists, reverse, [[1, 2, 3]])]),
    io:format("~p~n", [apply(erlang, '+', [1, 2])]),
    io:format("~p~n", [apply(erlang, element, [2, {a, b}])]),
    M = id(?MODULE), F = id(sum),
    io:format("~p~n", [M:F([1, 2, 3])]),
    io:format("~p~n", [M:zero()]),
    io:format("~p~n", [(fun ?MODULE:add/2)(3, 4)]),
    Fn = fun M:F/1,
    io:format("~p~n", [Fn([10, 20])]),
    io:format("~p~n", [lists:map(fun erlang:atom_to_list/1, [a, bb])]),
    io:format("~p~n", [erlang:apply(fun() -> zero end, [])]),
    io:format("~p~n", [[apply(erlang, Op, [7, 3]) || Op <- ['+', '-', '*', 'div', 'rem', 'band', 'bor', 'bxor', 'bsl', 'bsr', '==', '<', '>=']]]),
    io:format("~p~n", [apply(erlang, 'not', [true])]),
    io:format("~p~n", [apply(erlang, 'and', [true, false])]),
    io:format("~p~n", [apply(erlang, length, [[a, b]])]),
    io:format("~p~n", [t(fun() -> apply(?MODULE, add, [1]) end)]),
    io:format("~p~n", [t(fun() -> apply(id(notamodule_xyz), f, []) end)]),
    io:format("~p~n", [t(fun() -> apply(id(1), f, []) end)]),
    io:format("~p~n", [t(fun() -> apply(fun() -> ok end, [x]) end)]),
    io:format("~p~n", [t(fun() -> apply(fun() -> ok end, x) end)]),
    io:format("~p~n", [t(fun() -> apply(?MODULE, add, [1 | 2]) end)]),
    ok.

add(A, B) -> A + B.
sum(L) -> lists:sum(L).
zero() -> 0.
id(X) -> X.
t(Fn) -> try Fn() catch C:R -> {C, norm(R)} end.

norm({badarity, {F, A}}) when is_function(F) -> {badarity, {'F', A}};
norm(R) -> R.
