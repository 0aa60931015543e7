%% gc_churn_flat.erl — memory stays flat while a process churns through
%% about 1 GB of short-lived terms (lists, tuples, small binaries, maps),
%% and while another process keeps a growing live set collected.
-module(gc_churn_flat).
-export([main/0]).

churn(0, Max) -> Max;
churn(N, Max) ->
    L = lists:seq(1, 1000),
    T = list_to_tuple(L),
    M = maps:from_list([{K, K} || K <- lists:sublist(L, 50)]),
    B = term_to_binary({T, M}),
    _ = byte_size(B) + tuple_size(T) + map_size(M),
    Max2 = case N rem 1000 of
               0 -> {total_heap_size, W} = process_info(self(), total_heap_size), max(Max, W);
               _ -> Max
           end,
    churn(N - 1, Max2).

grow(0, Acc) -> length(Acc);
grow(N, Acc) -> grow(N - 1, [{N, <<N:64>>} | Acc]).

main() ->
    Self = self(),
    spawn(fun() -> Self ! {grown, grow(1000000, [])} end),
    Max = churn(20000, 0),
    receive {grown, G} -> ok end,
    io:format("grown ~p; churning heap stayed under 100k words: ~p~n", [G, Max < 100000]).
