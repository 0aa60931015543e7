-module(ets_procs).
-export([main/0]).

%% Tables shared between processes: large (reference-counted) binaries and
%% sub-binaries stored and read back by many processes, values that outlive
%% the table and its owner, concurrent counters on a public table, heir data
%% with binaries, give_away to a dead process.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Self = self(),
    Big = list_to_binary(lists:seq(0, 255)),
    <<_:10/binary, Sub:100/binary, _/binary>> = Big,
    Owner = spawn(fun() ->
        T = ets:new(shared, [named_table, public, {heir, Self, {heir_bin, Big}}]),
        ets:insert(T, [{big, Big}, {sub, Sub}, {Big, key_is_big}, {list, [Big, Sub, Big]}]),
        Self ! ready,
        receive stop -> ok end end),
    receive ready -> ok end,
    [{big, B1}] = ets:lookup(shared, big),
    [{sub, S1}] = ets:lookup(shared, sub),
    io:format("~p ~p ~p~n", [B1 =:= Big, S1 =:= Sub, byte_size(S1)]),
    io:format("~p~n", [ets:lookup(shared, Big)]),
    io:format("~p~n", [ets:match(shared, {'$1', key_is_big}) =:= [[Big]]]),
    io:format("~p~n", [ets:select(shared, [{{list, ['_', '$1' | '_']}, [], [{byte_size, '$1'}]}])]),
    Workers = [spawn(fun() ->
                  [ets:update_counter(shared, cnt, 1, {cnt, 0}) || _ <- lists:seq(1, 500)],
                  [{big, B}] = ets:lookup(shared, big),
                  ets:insert(shared, {{worker, N}, binary:part(B, N, 10)}),
                  Self ! {done, N}
              end) || N <- lists:seq(1, 20)],
    [receive {done, N} -> ok end || N <- lists:seq(1, length(Workers))],
    io:format("~p~n", [ets:lookup(shared, cnt)]),
    io:format("~p~n", [lists:sort(ets:match(shared, {{worker, '$1'}, '$2'}))]),
    Owner ! stop,
    receive {'ETS-TRANSFER', shared, Owner, {heir_bin, HB}} -> io:format("~p~n", [HB =:= Big]) end,
    ets:delete(shared, big),
    ets:delete(shared, Big),
    io:format("~p ~p~n", [byte_size(B1), binary:last(B1)]),
    ets:delete(shared),
    io:format("~p ~p~n", [S1 =:= Sub, lists:sum(binary_to_list(S1))]),
    Dead = spawn(fun() -> ok end),
    Mref = monitor(process, Dead),
    receive {'DOWN', Mref, _, _, _} -> ok end,
    T2 = ets:new(t2, []),
    io:format("~p~n", [t(fun() -> ets:give_away(T2, Dead, x) end)]),
    io:format("~p~n", [ets:info(T2, owner) =:= self()]),
    T3 = ets:new(t3, [{heir, Dead, x}]),
    io:format("~p~n", [ets:info(T3, heir)]),
    %% many short-lived owners
    Ps = [spawn(fun() -> ets:new(tmp, [public]), receive after 1 -> ok end end) || _ <- lists:seq(1, 50)],
    [begin R = monitor(process, P), receive {'DOWN', R, _, _, _} -> ok end end || P <- Ps],
    io:format("~p~n", [length([T || T <- ets:all(), ets:info(T, name) =:= tmp])]),
    ok.
