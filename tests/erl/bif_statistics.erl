-module(bif_statistics).
-export([main/0]).

%% erlang:statistics/1: the shape of every result (values are timing- and
%% machine-dependent) and the badarg for unknown items.

main() ->
    Pair = [runtime, wall_clock, reductions, exact_reductions],
    [begin
         {A, B} = statistics(I),
         io:format("~p: ~p~n", [I, is_integer(A) andalso is_integer(B) andalso A >= B andalso B >= 0])
     end || I <- Pair],
    {R1, _} = statistics(exact_reductions),
    burn(10000),
    {R2, D2} = statistics(exact_reductions),
    io:format("~p~n", [R2 > R1 andalso D2 > 0]),
    {W1, _} = statistics(wall_clock),
    timer_wait(20),
    {W2, DW} = statistics(wall_clock),
    io:format("~p~n", [W2 >= W1 + 20 andalso DW >= 20]),
    {CS, Zero} = statistics(context_switches),
    io:format("~p~n", [{is_integer(CS), Zero}]),
    Ints = [run_queue, total_run_queue_lengths, total_run_queue_lengths_all, total_active_tasks,
            total_active_tasks_all],
    io:format("~p~n", [[{I, is_integer(statistics(I))} || I <- Ints]]),
    io:format("~p~n", [statistics(total_active_tasks) >= 1]),
    Lists = [run_queue_lengths, run_queue_lengths_all, active_tasks, active_tasks_all],
    io:format("~p~n", [[{I, lists:all(fun is_integer/1, statistics(I))} || I <- Lists]]),
    io:format("~p~n", [length(statistics(run_queue_lengths_all)) - length(statistics(run_queue_lengths))]),
    io:format("~p~n", [lists:sum(statistics(active_tasks)) >= 1]),
    io:format("~p~n", [is_tuple(statistics(run_queues))]),
    io:format("~p~n", [{statistics(scheduler_wall_time), statistics(scheduler_wall_time_all)}]),
    [io:format("~p: ~p~n", [I, t(fun() -> statistics(I) end)]) || I <- [bogus, 1, "runtime", {runtime}]],
    ok.

burn(0) -> ok;
burn(N) -> burn(N - 1).

timer_wait(Ms) -> receive after Ms -> ok end.

t(F) -> try F() catch C:R -> {C, R} end.
