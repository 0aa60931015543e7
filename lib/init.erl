%% init.erl — girder's boot process (the fast boot of docs/boot.md).
%% Replaces OTP's preloaded `init`: it parses the command line as erl's
%% init does, starts the built-in group leader (girder_io) and code server,
%% then kernel's logger and application controller as erl's boot script
%% and kernel:start/2 do, runs -s / -run / -eval in order in a linked
%% process, and halts on init:stop/0,1 after shutting the logger down. Function names and call shapes of the boot
%% path (do_boot/3 -> start_em/1 -> start_it/1) follow erl's init so that
%% stack traces of a failing -s function read the same.
-module(init).
-compile(no_line_info).
-export([boot/1, stop/0, stop/1, get_plain_arguments/0, get_argument/1,
         get_arguments/0, get_status/0, script_id/0, notify_when_started/1,
         wait_until_started/0, restart/0, reboot/0, fetch_loaded/0,
         ensure_loaded/1, run_on_load_handlers/0, objfile_extension/0,
         archive_extension/0, code_path_choice/0]).

boot(Args0) ->
    register(init, self()),
    process_flag(trap_exit, true),
    Args = [list_to_binary(A) || A <- Args0],
    {Start, Flags, Plain} = parse_boot_args(Args),
    put(flags, Flags),
    put(plain, Plain),
    Gl = girder_io:start(),
    _ = girder_code:start(),
    group_leader(Gl, self()),
    put(kernel, []),
    Self = self(),
    Boot = spawn_link(fun() -> do_boot(Self, Flags, Start) end),
    put(boot_pid, Boot),
    loop(Boot).

%% --- kernel: logger and application controller ---

%% erl's boot script (bin/start.boot) starts two kernel processes, logger
%% (logger_server) and application_controller (given kernel's .app spec),
%% loads stdlib's spec, and then starts kernel, whose kernel:start/2 sets
%% the logger up: internal_init_logger/0, logger_sup (in kernel_sup), and
%% add_handlers(kernel), which adds the default handler (logger_std_h on
%% standard_io) in place of the simple one. girder takes the same steps
%% from the same boot file; the rest of kernel_sup (file server, inet_db,
%% user, ...) is not started. As in erl, the boot process starts them
%% (init answers their requests meanwhile), then init links to them and the
%% boot process unlinks.
start_kernel(Init) ->
    Script = boot_script(),
    Kernel = [start_kernel_process(Name, MFA)
              || {kernelProcess, Name, MFA} <- Script,
                 Name =:= logger orelse Name =:= application_controller],
    [ok = apply(application, load, Args)
     || {apply, {application, load, Args}} <- Script],
    ok = logger:internal_init_logger(),
    {ok, Sup} = logger_sup:start_link(),
    ok = logger:add_handlers(kernel),
    Started = Kernel ++ [{logger_sup, Sup}],
    Init ! {self(), kernel, Started},
    receive {init, kernel_linked} -> ok end,
    [unlink(Pid) || {_, Pid} <- Started],
    ok.

%% The boot file erl reads by default, ROOT/bin/start.boot, of the OTP
%% whose kernel is on the code path (ROOT/lib/kernel-VSN/ebin).
boot_script() ->
    File = otp_root() ++ "/bin/start.boot",
    case erl_prim_loader:get_file(File) of
        {ok, Bin, _} ->
            {script, _Id, Cmds} = binary_to_term(Bin),
            Cmds;
        error ->
            crash("init terminating in do_boot", [{'cannot get bootfile', File}])
    end.

otp_root() ->
    case [D || D <- girder:code_path(), is_kernel_ebin(lists:reverse(D))] of
        [Dir|_] -> up(3, Dir);
        [] -> crash("init terminating in do_boot", [{'cannot find kernel', girder:code_path()}])
    end.

%% ".../kernel-VSN/ebin", reversed
is_kernel_ebin("nibe/" ++ R) ->
    {AppR, _} = lists:splitwith(fun(C) -> C =/= $/ end, R),
    lists:prefix("kernel-", lists:reverse(AppR));
is_kernel_ebin(_) -> false.

up(0, Dir) -> Dir;
up(N, Dir) ->
    {_, [$/|ParentR]} = lists:splitwith(fun(C) -> C =/= $/ end, lists:reverse(Dir)),
    up(N - 1, lists:reverse(ParentR)).

start_kernel_process(Name, {M, F, A}) ->
    case apply(M, F, A) of
        {ok, Pid} -> {Name, Pid};
        Other -> crash("Kernel pid terminated", [Name, Other])
    end.

%% Before halting, what erl's init does at stop for the logger: kernel's
%% supervisor is shut down, and with it logger_sup, whose handlers write
%% out what they still hold. As erl's init, the shutdown is an 'EXIT'
%% message from the supervisor's parent, the boot process.
stop_kernel() ->
    case lists:keyfind(logger_sup, 1, get(kernel)) of
        {logger_sup, Sup} ->
            Sup ! {'EXIT', get(boot_pid), shutdown},
            receive {'EXIT', Sup, _} -> ok end;
        false ->
            ok
    end.

loop(Boot) ->
    receive
        {'EXIT', Boot, normal} ->
            loop(done);
        {Boot, kernel, Kernel} ->
            [link(Pid) || {_, Pid} <- Kernel],
            put(kernel, Kernel),
            Boot ! {init, kernel_linked},
            loop(Boot);
        {'EXIT', Boot, Reason} ->
            erlang:display({"init terminating in do_boot", Reason}),
            crash("init terminating in do_boot", [Reason]);
        {'EXIT', Pid, Reason} ->
            case lists:keyfind(Pid, 2, get(kernel)) of
                {Name, Pid} ->
                    timer:sleep(500),       %% as erl: let error reports out first
                    erlang:display({"Kernel pid terminated", Name, Reason}),
                    crash("Kernel pid terminated", [Name, Reason]);
                false ->
                    loop(Boot)
            end;
        {From, get_plain_arguments} ->
            From ! {init, get(plain)},
            loop(Boot);
        {From, get_arguments} ->
            From ! {init, get(flags)},
            loop(Boot);
        {From, {get_argument, Arg}} ->
            From ! {init, get_argument(Arg, get(flags))},
            loop(Boot);
        {From, get_status} ->
            From ! {init, {started, started}},
            loop(Boot);
        {stop, Status} ->
            stop_kernel(),
            girder_io:flush(),
            halt_with(Status);
        _Other ->
            loop(Boot)
    end.

halt_with(Status) when is_integer(Status) -> erlang:halt(Status);
halt_with(Status) when is_list(Status) -> erlang:halt(Status);
halt_with(_) -> erlang:halt(0).

%% As erl's init, halt at once: output still on its way (a crash report
%% the logger is formatting) is lost, as it is in erl.
crash(String, Args) ->
    Text = lists:join(",", [girder:display_string(A) || A <- Args]),
    erlang:halt(lists:flatten([String, " (", Text, ")"])).

do_boot(Init, _Flags, Start) ->
    process_flag(trap_exit, true),      %% as erl's boot process
    start_kernel(Init),
    %% An error or throw leaves this process with the reason the VM would
    %% give it, but as an exit: the VM then sends no "Error in process"
    %% report, which erl's init never lets out either (it halts before
    %% erl's logger gets the report from the system-message thread, while
    %% girder would deliver it at once and race the halt).
    try start_em(Start)
    catch
        error:Reason:Stack -> exit({Reason, Stack});
        throw:Thrown:Stack -> exit({{nocatch, Thrown}, Stack})
    end,
    %% erl profiles the boot here when asked to; the call after start_em
    %% also keeps this frame in stack traces, as in erl
    get(profile_boot).

start_em([S|Tail]) ->
    case whereis(user) of
        undefined -> ok;
        P when is_pid(P) -> erlang:group_leader(P, self())
    end,
    start_it(S),
    start_em(Tail);
start_em([]) -> ok.

start_it([]) ->
    ok;
start_it({eval, Bin}) ->
    Str = b2s(Bin),
    {ok, Ts, _} = erl_scan:string(Str),
    Ts1 = case lists:reverse(Ts) of
              [{dot, _}|_] -> Ts;
              TsR -> lists:reverse([{dot, erl_anno:new(1)} | TsR])
          end,
    {ok, Expr} = erl_parse:parse_exprs(Ts1),
    {value, _Value, _Bs} = erl_eval:exprs(Expr, erl_eval:new_bindings()),
    ok;
start_it([_|_] = MFA) ->
    case MFA of
        [M]        -> M:start();
        [M, F]     -> M:F();
        [M, F|Args] -> M:F(Args)
    end.

%% --- command line, as erl's init parses it ---

parse_boot_args(Args) ->
    parse_boot_args(Args, [], [], []).

parse_boot_args([B|Bs], Ss, Fs, As) ->
    case check(B) of
        start_extra_arg ->
            {lists:reverse(Ss), lists:reverse(Fs), lists:reverse(As, Bs)};
        start_arg ->
            {S, Rest} = get_args(Bs, []),
            parse_boot_args(Rest, [s_start(S)|Ss], Fs, As);
        start_arg2 ->
            {S, Rest} = get_args(Bs, []),
            parse_boot_args(Rest, [run_start(S)|Ss], Fs, As);
        eval_arg ->
            {Expr, Rest} = get_args(Bs, []),
            parse_boot_args(Rest, [{eval, iolist_to_binary(lists:join(<<" ">>, Expr))}|Ss], Fs, As);
        {flag, A} ->
            {F, Rest} = get_args(Bs, []),
            parse_boot_args(Rest, Ss, [{A, F}|Fs], As);
        arg ->
            parse_boot_args(Bs, Ss, Fs, [B|As]);
        end_args ->
            parse_boot_args(Bs, Ss, Fs, As)
    end;
parse_boot_args([], Start, Flags, Args) ->
    {lists:reverse(Start), lists:reverse(Flags), lists:reverse(Args)}.

s_start(Args) -> [b2a(A) || A <- Args].

run_start([]) -> [];
run_start([M]) -> [b2a(M)];
run_start([M, F]) -> [b2a(M), b2a(F)];
run_start([M, F|Args]) -> [b2a(M), b2a(F) | [b2s(A) || A <- Args]].

%% Command-line bytes are text in the file-name encoding (UTF-8 here),
%% falling back to bytes, as erl's init reads them.
b2s(Bin) ->
    case unicode:characters_to_list(Bin, utf8) of
        L when is_list(L) -> L;
        _ -> binary_to_list(Bin)
    end.

b2a(Bin) -> list_to_atom(b2s(Bin)).

check(<<"-extra">>) -> start_extra_arg;
check(<<"-s">>) -> start_arg;
check(<<"-run">>) -> start_arg2;
check(<<"-eval">>) -> eval_arg;
check(<<"--">>) -> end_args;
check(<<"-", Flag/binary>>) -> {flag, b2a(Flag)};
check(_) -> arg.

get_args([B|Bs], As) ->
    case check(B) of
        arg -> get_args(Bs, [B|As]);
        end_args -> {lists:reverse(As), Bs};
        _ -> {lists:reverse(As), [B|Bs]}
    end;
get_args([], As) -> {lists:reverse(As), []}.

get_argument(Arg, Flags) ->
    case [[b2s(V) || V <- Vs] || {A, Vs} <- Flags, A =:= Arg] of
        [] -> error;
        Values -> {ok, Values}
    end.

%% --- the API ---

request(Req) ->
    case whereis(init) =:= self() of
        true -> answer(Req);        %% init asking itself: no message round trip
        false ->
            init ! {self(), Req},
            receive {init, Reply} -> Reply end
    end.

answer(get_plain_arguments) -> get(plain);
answer(get_arguments) -> get(flags);
answer({get_argument, Arg}) -> get_argument(Arg, get(flags));
answer(get_status) -> {started, started}.

get_plain_arguments() -> [b2s(A) || A <- request(get_plain_arguments)].
get_arguments() -> [{A, [b2s(V) || V <- Vs]} || {A, Vs} <- request(get_arguments)].
get_argument(Arg) -> request({get_argument, Arg}).
get_status() -> request(get_status).
script_id() -> {"girder", "fast boot"}.
notify_when_started(_Pid) -> started.
wait_until_started() -> ok.
fetch_loaded() -> [].
ensure_loaded(Module) -> code:ensure_loaded(Module).
run_on_load_handlers() -> ok.

stop() -> init ! {stop, 0}, ok.
stop(Status) when is_integer(Status), Status >= 0 -> init ! {stop, Status}, ok;
stop(Status) when is_list(Status) -> init ! {stop, Status}, ok;
stop(Status) -> erlang:error(badarg, [Status]).

objfile_extension() -> ".beam".
archive_extension() -> ".ez".
code_path_choice() -> relaxed.

restart() -> stop().
reboot() -> stop().
