%% bench_lib.erl — helpers shared by the programs in bench/: argument parsing,
%% in-VM timing, and the RESULT / TIME_US / METRIC lines that the harness
%% (bench/support/bench_harness.erl) reads. docs/benchmarks.md has the format.
-module(bench_lib).
-export([int/1, timed/1, report/2, metric/3, metric/4, na/2,
         waker/2, stop_waker/1, lateness_stats/1, lcg/1, sum_proc_memory/1,
         memory_processes/0]).

int(S) -> list_to_integer(S).

%% timed(F) -> {F(), Microseconds}, measured inside the VM.
timed(F) ->
    T0 = erlang:monotonic_time(microsecond),
    R = F(),
    T1 = erlang:monotonic_time(microsecond),
    {R, T1 - T0}.

%% The checksum the harness compares between erl and girder, and the time.
report(Result, Us) ->
    io:format("RESULT ~w~nTIME_US ~p~n", [Result, Us]).

%% A non-time measurement; lower is better and its ratio counts in the
%% group's geometric mean, unless Kind is info.
metric(Name, Value, Unit) -> metric(Name, Value, Unit, lower).
metric(Name, Value, Unit, Kind) ->
    io:format("METRIC ~s ~s ~s~s~n", [Name, num(Value), Unit,
                                     case Kind of info -> " info"; lower -> "" end]).

%% A measurement this VM cannot give (e.g. a BIF it lacks): shown as n/a.
na(Name, Unit) -> io:format("METRIC ~s n/a ~s~n", [Name, Unit]).

num(V) when is_integer(V) -> integer_to_list(V);
num(V) when is_float(V) -> float_to_list(V, [{decimals, 1}]).

%% waker(N, Parent): a process that asks to wake after 1 ms, N times (or
%% until it gets stop; N may be infinity), then sends Parent
%% {waker_done, Latenesses}: how late (in microseconds) each wake-up came
%% past the 1 ms it asked for.
waker(N, Parent) ->
    spawn(fun() -> wake_loop(N, Parent, []) end).

wake_loop(0, Parent, Acc) -> Parent ! {waker_done, Acc};
wake_loop(N, Parent, Acc) ->
    T0 = erlang:monotonic_time(microsecond),
    receive
        stop -> Parent ! {waker_done, Acc}
    after 1 ->
        T1 = erlang:monotonic_time(microsecond),
        wake_loop(dec(N), Parent, [max(0, T1 - T0 - 1000) | Acc])
    end.

dec(infinity) -> infinity;
dec(N) -> N - 1.

%% Stops a waker started with N = infinity and returns its latenesses.
stop_waker(W) ->
    W ! stop,
    receive {waker_done, L} -> L end.

%% {Worst, P99, Median} of a list of latenesses.
lateness_stats(L) ->
    S = lists:sort(L),
    N = length(S),
    {lists:last(S), lists:nth(max(1, (N * 99 + 99) div 100), S),
     lists:nth((N + 1) div 2, S)}.

%% A small deterministic pseudo-random generator (same numbers on every VM).
lcg(X) -> (X * 1103515245 + 12345) band 16#7fffffff.

%% Sum of process_info(P, memory) over Pids (bytes): heap, stack, control
%% block and messages, as each VM counts them.
sum_proc_memory(Pids) ->
    lists:foldl(fun(P, A) ->
                        case erlang:process_info(P, memory) of
                            {memory, M} -> A + M;
                            undefined -> A
                        end
                end, 0, Pids).

%% erlang:memory(processes), or n_a on a VM that lacks it.
memory_processes() ->
    try erlang:memory(processes) catch error:_ -> n_a end.
