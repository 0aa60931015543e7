%% spawn_many.erl — seed example (a): spawn 100,000 processes that each
%% sleep 10 seconds; print how long spawning took and the memory each
%% process uses. The VM stops as soon as the numbers are printed.
-module(spawn_many).
-export([start/0]).

start() ->
    N = 100000,
    T0 = erlang:monotonic_time(microsecond),
    Pids = [spawn(fun() -> timer:sleep(10000) end) || _ <- lists:seq(1, N)],
    T1 = erlang:monotonic_time(microsecond),
    {memory, Bytes} = process_info(hd(Pids), memory),
    io:format("spawned ~p processes in ~p ms; ~p bytes per process (process_info memory)~n",
              [length(Pids), (T1 - T0) div 1000, Bytes]).
