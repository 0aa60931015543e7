%% send_large.erl — sending big terms to another process, K times each: a
%% 1,000,000-element list (copied into the receiver) and a 10 MB binary
%% (shared by reference); each metric is the mean time of one send plus the
%% receiver's acknowledgement.
%% group: memory
%% args: list_len bin_mb reps
%% full: 1000000 10 20
%% quick: 1000000 10 3
%% time: info
-module(send_large).
-export([main/1]).

receiver() ->
    receive
        {From, L} when is_list(L) -> From ! {ack, length(L)}, receiver();
        {From, B} when is_binary(B) -> From ! {ack, byte_size(B)}, receiver();
        stop -> ok
    end.

send_n(_, _, 0, Acc) -> Acc;
send_n(R, Term, K, Acc) ->
    R ! {self(), Term},
    receive {ack, N} -> send_n(R, Term, K - 1, Acc + N) end.

main([LS, MS, KS]) ->
    L = lists:seq(1, bench_lib:int(LS)),
    B = binary:copy(<<"0123456789abcdef">>, bench_lib:int(MS) * 65536),
    K = bench_lib:int(KS),
    R = spawn(fun receiver/0),
    {{A1, A2}, Us} = bench_lib:timed(
                       fun() ->
                               {T1, X} = timer_tc(fun() -> send_n(R, L, K, 0) end),
                               {T2, Y} = timer_tc(fun() -> send_n(R, B, K, 0) end),
                               put(times, {T1, T2}),
                               {X, Y}
                       end),
    {T1, T2} = get(times),
    R ! stop,
    bench_lib:report({A1, A2}, Us),
    bench_lib:metric("list_send_us", T1 / K, "us"),
    bench_lib:metric("binary_send_us", T2 / K, "us").

timer_tc(F) -> {R, T} = bench_lib:timed(F), {T, R}.
