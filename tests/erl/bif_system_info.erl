-module(bif_system_info).
-export([main/0]).

%% erlang:system_info/1: items whose values are the same on every OTP 25
%% node are printed; machine-dependent ones are checked for their type.

main() ->
    Same = [otp_release, version, wordsize, {wordsize, internal}, {wordsize, external},
            machine, smp_support, threads, endian, hipe_architecture, nif_version, compat_rel,
            creation, heap_type, modified_timing_level, min_heap_size, min_bin_vheap_size,
            fullsweep_after, garbage_collection, max_heap_size, dist_ctrl, os_type,
            atom_limit, process_limit, message_queue_data, multi_scheduling_blockers,
            normal_multi_scheduling_blockers, dynamic_trace, dynamic_trace_probes,
            lock_checking, lock_counting, sequential_tracer],
    [io:format("~p: ~p~n", [I, erlang:system_info(I)]) || I <- Same],
    Ints = [schedulers, schedulers_online, logical_processors, logical_processors_online,
            logical_processors_available, process_count, atom_count, port_count, port_limit,
            thread_pool_size, context_reductions, scheduler_id],
    io:format("~p~n", [[{I, is_integer(erlang:system_info(I))} || I <- Ints]]),
    io:format("~p~n", [erlang:system_info(schedulers_online) =< erlang:system_info(schedulers)]),
    io:format("~p~n", [erlang:system_info(process_count) >= 1]),
    A0 = erlang:system_info(atom_count),
    _ = list_to_atom("bif_system_info_fresh_atom_" ++ integer_to_list(erlang:unique_integer([positive]))),
    io:format("~p~n", [erlang:system_info(atom_count) - A0]),
    V = erlang:system_info(system_version),
    io:format("~p~n", [{lists:prefix("Erlang/OTP 25 [erts-13.1.5] [source] [64-bit] [smp:", V),
                        lists:last(V)}]),
    {OsMaj, OsMin, OsRel} = erlang:system_info(os_version),
    io:format("~p~n", [[is_integer(N) || N <- [OsMaj, OsMin, OsRel]]]),
    io:format("~p~n", [{os:type(), is_tuple(os:version())}]),
    io:format("~p~n", [[is_atom(erlang:system_info(I)) || I <- [build_type, emu_type, emu_flavor,
                                                               kernel_poll, debug_compiled,
                                                               multi_scheduling]]]),
    io:format("~p~n", [[io_lib:printable_list(erlang:system_info(I)) || I <- [system_architecture,
                                                                               driver_version]]]),
    {gnuc, {Ma, Mi, Pa}} = erlang:system_info(c_compiler_used),
    io:format("~p~n", [[is_integer(N) || N <- [Ma, Mi, Pa]]]),
    Bad = [bogus, 42, "version", {bogus, 1}, {wordsize, bogus}, {wordsize}, {version},
           <<"version">>, [version]],
    [io:format("~p: ~p~n", [I, t(fun() -> erlang:system_info(I) end)]) || I <- Bad],
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
