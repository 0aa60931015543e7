-module(exc_clauses).
-export([main/0]).

%% case_clause, if_clause, try_clause, badmatch, function_clause reasons.

main() ->
    Cases = [{case_clause, fun() -> case id(3) of 1 -> a; 2 -> b end end},
             {case_clause_tuple, fun() -> case id({x, y}) of {x} -> a end end},
             {if_clause, fun() -> X = id(5), if X < 0 -> neg; X > 10 -> big end end},
             {try_clause, fun() -> try id(7) of 1 -> one after ok end end},
             {badmatch, fun() -> {a, _} = id({b, 1}) end},
             {badmatch_list, fun() -> [_, _] = id([1, 2, 3]) end},
             {badmatch_bin, fun() -> <<_:16>> = id(<<1>>) end},
             {function_clause, fun() -> only_pos(id(-1)) end},
             {guard_fail, fun() -> only_pos(id(a)) end},
             {nested_match, fun() -> {ok, {V, V}} = id({ok, {1, 2}}) end},
             {map_match, fun() -> #{k := 1} = id(#{k => 2}) end},
             {lc_badgen, fun() -> [X || X <- id(notalist)] end},
             {andalso_badarg, fun() -> id(1) andalso true end},
             {not_badarg, fun() -> not id(1) end}],
    [io:format("~p -> ~p~n", [N, t(F)]) || {N, F} <- Cases],
    ok.

only_pos(X) when is_integer(X), X > 0 -> X.
id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
