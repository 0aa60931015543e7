-module(gc_statistics).
-export([main/0]).
%% statistics(garbage_collection): {Collections, WordsReclaimed, 0}, both
%% growing while a process makes garbage.
main() ->
    {N0, W0, Z} = statistics(garbage_collection),
    _ = [lists:seq(1, 1000) || _ <- lists:seq(1, 2000)],
    {N1, W1, _} = statistics(garbage_collection),
    io:format("~p ~p ~p ~p~n", [is_integer(N0), Z, N1 > N0, W1 > W0]).
