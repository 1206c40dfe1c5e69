# bash completion for cinplan(1)
# shellcheck shell=bash disable=SC2207
#
# Installed by "make install" as
# PREFIX/share/bash-completion/completions/cinplan; to try it uninstalled:
#	. completion/cinplan.bash
#
# Profile ids and areas come from "cinplan profiles" (honouring a --rules
# DIR already on the command line), so a profile added to the rules path
# completes without changing this file.

_cinplan_profiles()
{
	local prog=$1 rules=$2
	if [[ -n $rules ]]; then
		"$prog" profiles --rules "$rules" 2>/dev/null
	else
		"$prog" profiles 2>/dev/null
	fi
}

_cinplan_files()
{
	# $1: a glob such as "*.csv", or empty for any file; "-d": directories
	local IFS=$'\n' pat=$1
	compopt -o filenames 2>/dev/null
	if [[ $pat == -d ]]; then
		COMPREPLY=($(compgen -d -- "$cur"))
	elif [[ -n $pat ]]; then
		COMPREPLY=($(compgen -f -X "!$pat" -- "$cur") \
		    $(compgen -d -- "$cur"))
	else
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}

_cinplan()
{
	local cur prev prog cmd verb i w rules profile
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	prog=${COMP_WORDS[0]}
	command -v "$prog" >/dev/null 2>&1 || prog=cinplan

	local commands="schedule check export profiles profile workdays
	    holidays census"
	local kinds="assessment first-meeting review minutes visit
	    visit-record notice written-update milestone"
	local plan_types="standard step-down-cp transfer-in supervision-order
	    short-breaks"

	# The command, its verb, and what the line already says.  bash splits
	# "--name=value" into three words; skip the value of each option.
	cmd='' verb='' rules='' profile=''
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		[[ ${COMP_WORDS[i+1]} == = ]] && ((i++))
		case $w in
		--rules) rules=${COMP_WORDS[i+1]} ;;
		--profile) profile=${COMP_WORDS[i+1]} ;;
		esac
		case $w in
		--manager-agreed|--summary|--help|-h|--version) ;;
		-*) ((i++)) ;;
		*)
			if [[ -z $cmd ]]; then
				cmd=$w
			elif [[ -z $verb && ( $cmd == profile ||
			    $cmd == workdays ) ]]; then
				verb=$w
			fi
			;;
		esac
	done
	profile=${profile%%/*}

	if [[ -z $cmd ]]; then
		COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
		return
	fi

	# --name=value: complete the value.
	if [[ $cur == = ]]; then
		cur=
	elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
		prev=${COMP_WORDS[COMP_CWORD-2]}
	fi
	[[ $cur == "" && ${COMP_WORDS[COMP_CWORD]} == = ]] &&
	    prev=${COMP_WORDS[COMP_CWORD-1]}

	case $prev in
	--profile)
		local ids
		ids=$(_cinplan_profiles "$prog" "$rules" | awk -F'\t' '{
			print $1
			if ($1 != "" && $3 != "") {
				n = split($3, a, ",")
				for (i = 1; i <= n; i++)
					print $1 "/" a[i]
			}
		}')
		if [[ $cmd != schedule ]]; then
			ids=$(printf '%s\n' "$ids" | grep -v /)
		fi
		COMPREPLY=($(compgen -W "$ids" -- "$cur"))
		return
		;;
	--area)
		local areas
		areas=$(_cinplan_profiles "$prog" "$rules" | awk -F'\t' \
		    -v p="$profile" '(p == "" || $1 == p) && $3 != "" {
			n = split($3, a, ",")
			for (i = 1; i <= n; i++)
				print a[i]
		}')
		COMPREPLY=($(compgen -W "$areas" -- "$cur"))
		return
		;;
	--plan-type)
		COMPREPLY=($(compgen -W "$plan_types" -- "$cur"))
		return
		;;
	--kind)
		# A comma-separated list: complete the last word.
		local head=''
		[[ $cur == *,* ]] && head=${cur%,*},
		COMPREPLY=($(compgen -P "$head" -W "$kinds" -- "${cur##*,}"))
		compopt -o nospace 2>/dev/null
		return
		;;
	--format)
		case $cmd in
		schedule) COMPREPLY=($(compgen -W "text json csv ics html" -- "$cur")) ;;
		*) COMPREPLY=($(compgen -W "text json csv html" -- "$cur")) ;;
		esac
		return
		;;
	--date-style|--dates)
		COMPREPLY=($(compgen -W "iso uk" -- "$cur"))
		return
		;;
	--audience)
		COMPREPLY=($(compgen -W "worker family" -- "$cur"))
		return
		;;
	--as-of|--until|--referral|--assessment-completed|--plan-decision|\
	--rcpc|--residence|--first-meeting|--review|--visit|\
	--supervision-order|--allocated|--step-down-decision|--failed-visit|\
	--minutes|--notice|--written-update|--visit-record|--plan-update|\
	--assessment-update|--safety-plan)
		COMPREPLY=($(compgen -W "$(date +%Y-%m-%d)" -- "$cur"))
		return
		;;
	--caseload|--to-caseload)
		_cinplan_files '*.csv'
		return
		;;
	--split)
		COMPREPLY=($(compgen -W "worker profile" -- "$cur"))
		return
		;;
	-o|--output)
		if [[ $cmd == export && " ${COMP_WORDS[*]} " == *" --split "* ]]
		then
			_cinplan_files -d
		elif [[ $cmd == export ]]; then
			_cinplan_files '*.ics'
		else
			_cinplan_files ''
		fi
		return
		;;
	--import|--check)
		_cinplan_files '*.json'
		return
		;;
	--rules)
		_cinplan_files -d
		return
		;;
	--holidays)
		_cinplan_files ''
		return
		;;
	--columns)
		_cinplan_files '*.ini'
		return
		;;
	--case-id|--within|--alarm|--worker|--title)
		return
		;;
	esac

	local opts
	case $cmd in
	schedule)
		opts="--profile --area --plan-type --case-id --referral
		    --assessment-completed --plan-decision --rcpc --residence
		    --first-meeting --review --visit --manager-agreed --supervision-order --allocated
		    --step-down-decision --failed-visit --minutes --notice
		    --written-update --visit-record --plan-update
		    --assessment-update --safety-plan --worker --kind
		    --within --as-of --until --format --audience --title --excel --width
		    --date-style --dates --alarm --rules --holidays -o --caseload --columns"
		;;
	check)
		opts="--caseload --as-of --within --format --excel --width --worker --profile
		    --dates --columns --summary --rules --holidays"
		;;
	export)
		opts="--caseload --as-of --until -o --worker --profile --kind --alarm --calendar-name
		    --dates --columns --split --rules --holidays"
		;;
	profiles)
		opts="--rules"
		;;
	profile)
		if [[ -z $verb ]]; then
			COMPREPLY=($(compgen -W "show check --help" -- "$cur"))
			return
		fi
		opts="--rules"
		if [[ $cur != -* ]]; then
			case $verb in
			show)
				COMPREPLY=($(compgen -W "$(_cinplan_profiles \
				    "$prog" "$rules" | cut -f1)" -- "$cur"))
				;;
			check)
				_cinplan_files '*.ini'
				;;
			esac
			return
		fi
		;;
	workdays)
		if [[ -z $verb ]]; then
			COMPREPLY=($(compgen -W "add between --help" -- "$cur"))
			return
		fi
		opts="--profile --holidays"
		;;
	holidays)
		opts="--profile --holidays --import --check --allow-missing -o"
		;;
	census)
		opts="--format --excel --as-of --to-caseload --profile --area"
		if [[ $cur != -* ]]; then
			_cinplan_files '*.xml'
			return
		fi
		;;
	*)
		return
		;;
	esac
	COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
}

complete -F _cinplan cinplan
