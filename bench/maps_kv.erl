%% maps_kv.erl — a map of a million integer keys: insert every key, look
%% every key up, update every value (maps:put, maps:get, M#{K := V}).
%% group: sequential
%% args: keys
%% full: 1000000
%% quick: 100000
-module(maps_kv).
-export([main/1]).

key(I) -> (I * 2654435761) band 16#ffffffff.

insert(0, M) -> M;
insert(I, M) -> insert(I - 1, maps:put(key(I), I, M)).

lookup(0, _, Acc) -> Acc;
lookup(I, M, Acc) -> lookup(I - 1, M, Acc + maps:get(key(I), M)).

update(0, M) -> M;
update(I, M) -> K = key(I), #{K := V} = M, update(I - 1, M#{K := V * 3}).

run(N) ->
    M = insert(N, #{}),
    S1 = lookup(N, M, 0),
    M2 = update(N, M),
    S2 = lookup(N, M2, 0),
    {map_size(M2), S1, S2}.

main([N]) ->
    {R, Us} = bench_lib:timed(fun() -> run(bench_lib:int(N)) end),
    bench_lib:report(R, Us).
