%% girder_io.erl — the built-in group leader of the fast boot: a process,
%% registered as `user`, that answers the Erlang I/O protocol
%% (io_request / io_reply) by writing to standard output, so io:format and
%% friends work without kernel's user/group servers. Input requests read
%% nothing (girder runs as -noshell -noinput) and answer eof.
-module(girder_io).
-export([start/0, flush/0, init/0]).

start() ->
    case whereis(user) of
        undefined ->
            Pid = spawn(?MODULE, init, []),
            register(user, Pid),
            Pid;
        Pid ->
            Pid
    end.

%% Wait until everything sent to the group leader so far is written.
flush() ->
    case whereis(user) of
        undefined -> ok;
        Pid ->
            Ref = make_ref(),
            Pid ! {flush, self(), Ref},
            receive {Ref, flushed} -> ok after 5000 -> ok end
    end.

init() ->
    group_leader(self(), self()),
    loop(encoding()).

encoding() ->
    Vars = [os_getenv("LC_ALL"), os_getenv("LC_CTYPE"), os_getenv("LANG")],
    case [V || V <- Vars, V =/= false, V =/= ""] of
        [V|_] ->
            Up = string:uppercase(V),
            case string:find(Up, "UTF-8") =/= nomatch orelse string:find(Up, "UTF8") =/= nomatch of
                true -> unicode;
                false -> latin1
            end;
        [] -> latin1
    end.

os_getenv(Name) ->
    try os:getenv(Name) catch _:_ -> false end.

loop(Enc) ->
    receive
        {io_request, From, ReplyAs, Request} ->
            {Reply, Enc1} = request(Request, Enc),
            From ! {io_reply, ReplyAs, Reply},
            loop(Enc1);
        {flush, From, Ref} ->
            From ! {Ref, flushed},
            loop(Enc);
        _ ->
            loop(Enc)
    end.

request({put_chars, Encoding, Chars}, Enc) ->
    {put_chars(Encoding, Chars, Enc), Enc};
request({put_chars, Encoding, M, F, A}, Enc) ->
    try apply(M, F, A) of
        Chars -> {put_chars(Encoding, Chars, Enc), Enc}
    catch
        _:_ -> {{error, F}, Enc}
    end;
request({put_chars, Chars}, Enc) ->
    request({put_chars, latin1, Chars}, Enc);
request({put_chars, M, F, A}, Enc) ->
    request({put_chars, latin1, M, F, A}, Enc);
request({requests, Reqs}, Enc) ->
    requests(Reqs, {ok, Enc});
request({get_chars, _, _, _}, Enc) -> {eof, Enc};
request({get_chars, _, _}, Enc) -> {eof, Enc};
request({get_line, _, _}, Enc) -> {eof, Enc};
request({get_line, _}, Enc) -> {eof, Enc};
request({get_until, _, _, _, _, _}, Enc) -> {eof, Enc};
request({get_until, _, _, _, _}, Enc) -> {eof, Enc};
request({get_until, _, _, _}, Enc) -> {eof, Enc};
request(getopts, Enc) ->
    {[{binary, false}, {encoding, Enc}], Enc};
request({setopts, Opts}, Enc) ->
    case proplists:get_value(encoding, Opts) of
        undefined -> {ok, Enc};
        NewEnc when NewEnc =:= unicode; NewEnc =:= latin1; NewEnc =:= utf8 ->
            {ok, if NewEnc =:= utf8 -> unicode; true -> NewEnc end};
        _ -> {{error, enotsup}, Enc}
    end;
request({get_geometry, _}, Enc) -> {{error, enotsup}, Enc};
request(_, Enc) -> {{error, request}, Enc}.

requests([], Result) -> Result;
requests([R|Rs], {ok, Enc}) ->
    case request(R, Enc) of
        {ok, Enc1} -> requests(Rs, {ok, Enc1});
        Other -> Other
    end;
requests(_, Result) -> Result.

%% Bytes to write for Chars (in Encoding) on a device of encoding Enc.
put_chars(Encoding, Chars, Enc) ->
    In = case Encoding of latin1 -> latin1; _ -> unicode end,
    case Enc of
        unicode ->
            case unicode:characters_to_binary(Chars, In, utf8) of
                Bin when is_binary(Bin) -> girder:put_chars(1, Bin), ok;
                _ -> {error, {no_translation, In, utf8}}
            end;
        latin1 ->
            case unicode:characters_to_binary(Chars, In, latin1) of
                Bin when is_binary(Bin) -> girder:put_chars(1, Bin), ok;
                _ -> {error, {no_translation, In, latin1}}
            end
    end.
