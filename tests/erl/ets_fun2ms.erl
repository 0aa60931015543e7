-module(ets_fun2ms).
-export([main/0]).
-include_lib("stdlib/include/ms_transform.hrl").

%% Match specifications as ets:fun2ms/1 writes them (records, guards with
%% andalso/orelse, object(), bindings(), tuples and lists in bodies, map
%% construction), run with select/select_count/select_delete/select_replace
%% on set, bag and ordered_set tables, and with match_spec_run.

-record(emp, {id, name, dept, salary, tags = []}).

main() ->
    Emps = [#emp{id = I, name = list_to_atom("e" ++ integer_to_list(I)),
                 dept = lists:nth(I rem 3 + 1, [sales, dev, ops]),
                 salary = 1000 + I * 37 rem 500, tags = lists:seq(1, I rem 4)}
            || I <- lists:seq(1, 40)],
    lists:foreach(fun(Type) -> run(Type, Emps) end, [set, ordered_set, bag]),
    MS = ets:fun2ms(fun({K, V}) when is_integer(V), V > 2 -> {V, K}; ({K, _}) -> K end),
    io:format("~p~n", [MS]),
    io:format("~p~n", [ets:match_spec_run([{a, 1}, {b, 3}, {c, x}], ets:match_spec_compile(MS))]),
    ok.

run(Type, Emps) ->
    T = ets:new(emps, [Type, {keypos, #emp.id}]),
    ets:insert(T, Emps),
    S = fun(L) -> case Type of ordered_set -> L; _ -> lists:sort(L) end end,
    io:format("~p ~p~n", [Type, S(ets:select(T, ets:fun2ms(fun(#emp{dept = dev, name = N}) -> N end)))]),
    io:format("~p~n", [S(ets:select(T, ets:fun2ms(
        fun(#emp{id = I, salary = Sal}) when Sal > 1200 andalso (I rem 2 =:= 0 orelse I > 30) -> {I, Sal} end)))]),
    io:format("~p~n", [S(ets:select(T, ets:fun2ms(
        fun(E = #emp{tags = [_, _ | _]}) -> {E#emp.id, length(E#emp.tags), hd(E#emp.tags)} end)))]),
    io:format("~p~n", [S(ets:select(T, ets:fun2ms(fun(#emp{id = I, dept = D}) when I < 5 -> object() end)))]),
    io:format("~p~n", [S(ets:select(T, ets:fun2ms(fun(#emp{id = I, dept = D}) when I < 5 -> bindings() end)))]),
    io:format("~p~n", [S(ets:select(T, ets:fun2ms(
        fun(#emp{id = I, name = N}) when I > 37 -> #{id => I, name => N, list => [I, N]} end)))]),
    io:format("~p~n", [S(ets:select(T, ets:fun2ms(
        fun(#emp{id = I, salary = Sal}) when is_integer(Sal), not (I > 3) -> {I, Sal div 7, Sal rem 7, -Sal, abs(-I)} end)))]),
    io:format("~p~n", [S(ets:select(T, ets:fun2ms(
        fun(#emp{id = I, dept = D}) when D =:= ops, I >= 30; D =:= sales, I =< 3 -> {D, I} end)))]),
    io:format("~p~n", [ets:select_count(T, ets:fun2ms(fun(#emp{dept = sales}) -> true end))]),
    io:format("~p~n", [ets:select_count(T, ets:fun2ms(fun(#emp{salary = X}) when X > 1250 -> true end))]),
    case Type of
        bag -> ok;
        _ ->
            io:format("~p~n", [ets:select_replace(T, ets:fun2ms(
                fun(E = #emp{dept = ops, salary = Sal}) -> E#emp{salary = Sal + 1} end))])
    end,
    io:format("~p~n", [ets:select_delete(T, ets:fun2ms(fun(#emp{dept = dev}) -> true end))]),
    io:format("~p ~p~n", [ets:info(T, size), S([{E#emp.id, E#emp.salary} || E <- ets:tab2list(T)])]),
    ets:delete(T).
