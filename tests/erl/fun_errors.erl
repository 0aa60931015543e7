-module(fun_errors).
-export([main/0, one/1]).

%% badfun and badarity errors, calling non-funs, wrong arity with closures.

main() ->
    F1 = fun(X) -> X end,
    Cases = [{"call atom", fun() -> (id(notafun))(1) end},
             {"call tuple", fun() -> (id({m, f}))(1) end},
             {"call int", fun() -> (id(5))() end},
             {"badarity 0", fun() -> (id(F1))() end},
             {"badarity 2", fun() -> (id(F1))(1, 2) end},
             {"ext badarity", fun() -> (id(fun ?MODULE:one/1))(1, 2) end},
             {"ext undef", fun() -> (id(fun ?MODULE:nosuch/1))(1) end},
             {"ext undef mod", fun() -> (id(fun nosuchmod_zz:f/0))() end},
             {"fun clause", fun() -> (id(fun(a) -> ok end))(b) end},
             {"lists:map non fun", fun() -> lists:map(id(x), [1]) end}],
    [io:format("~s -> ~p~n", [N, t(F)]) || {N, F} <- Cases],
    try (id(F1))(1, 2) catch error:{badarity, {Fun, Args}} -> io:format("~p ~p~n", [is_function(Fun, 1), Args]) end,
    ok.

one(X) -> X.
id(X) -> X.
t(F) -> try F() catch C:R -> {C, norm(R)} end.

%% a fun inside the reason prints with an unstable name; replace it
norm({badarity, {F, A}}) when is_function(F) -> {badarity, {'F', A}};
norm({badfun, F}) when is_function(F) -> {badfun, 'F'};
norm({function_clause, _} = R) -> R;
norm(R) -> R.
